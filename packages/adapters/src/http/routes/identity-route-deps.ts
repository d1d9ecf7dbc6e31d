import type { AuthRoutesDeps } from './auth-routes';
import type { MeRoutesDeps } from './me-routes';

/**
 * What the server's identity module builds once for the auth and me routes; each class declares
 * and sees only its own slice (`AuthRoutesDeps`, `MeRoutesDeps`).
 */
export type IdentityRouteDeps = AuthRoutesDeps & MeRoutesDeps;
