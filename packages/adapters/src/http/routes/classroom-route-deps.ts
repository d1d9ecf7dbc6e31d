import type { AdminClassRoutesDeps } from './admin-class-routes';
import type { AdminUserRoutesDeps } from './admin-user-routes';
import type { ClassroomRoutesDeps } from './classroom-routes';
import type { MyPageClassRoutesDeps } from './mypage-class-routes';
import type { SnapshotRoutesDeps } from './snapshot-routes';

/**
 * What the server's classroom module builds once for its five routes classes. Each class declares
 * and sees only its own slice (`ClassroomRoutesDeps`, `AdminClassRoutesDeps`, …).
 */
export type ClassroomRouteDeps = ClassroomRoutesDeps & AdminClassRoutesDeps & AdminUserRoutesDeps & MyPageClassRoutesDeps & SnapshotRoutesDeps;
