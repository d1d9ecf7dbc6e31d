import { ContainerModule } from 'inversify';
import { BeginGoogleLogin, LogInWithGoogle } from '@sooscode/domain';
import type { OAuthIdentityProvider, OAuthStateStore, SecureRandom, SessionIssuer, UserRepository } from '@sooscode/domain';
import { OpenIdClientOAuthIdentityProvider } from '@sooscode/adapters/auth/openid-client-oauth-identity-provider';
import { GoogleRoutes, type GoogleRouteDeps } from '@sooscode/adapters/http/routes/google-routes';
import type { Logger } from '@sooscode/adapters/system/logger';
import { TOKENS } from '../tokens';
import { clockOf, get, settingsOf } from './resolve';


/**
 * Google sign-in (OpenID Connect). Enabled only when GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and
 * GOOGLE_REDIRECT_URI are all set; otherwise the provider binding is null and both routes answer 503.
 * Pending sign-ins live in Redis when REDIS_URL is set (any node may receive the callback).
 */
export const googleModule = new ContainerModule((o) => {

  o.bind<OAuthIdentityProvider | null>(TOKENS.OAuthIdentityProvider).toDynamicValue((c) => {
    const cfg = settingsOf(c).config;
    if (!cfg.googleClientId || !cfg.googleClientSecret || !cfg.googleRedirectUri) return null;
    return new OpenIdClientOAuthIdentityProvider({
      issuer: cfg.googleIssuer,
      clientId: cfg.googleClientId,
      clientSecret: cfg.googleClientSecret,
      redirectUri: cfg.googleRedirectUri,
      logger: get<Logger>(c, TOKENS.Logger).child({ component: 'google-sign-in' }),
    });
  }).inSingletonScope();

  o.bind<GoogleRouteDeps>(TOKENS.GoogleRouteDeps).toDynamicValue((c) => {
    const cfg = settingsOf(c).config;
    const provider = get<OAuthIdentityProvider | null>(c, TOKENS.OAuthIdentityProvider);
    const store = get<OAuthStateStore>(c, TOKENS.OAuthStateStore);
    const random = get<SecureRandom>(c, TOKENS.SecureRandom);
    const flows = provider && {
      begin: new BeginGoogleLogin(provider, store, random),
      logIn: new LogInWithGoogle(provider, store, get<UserRepository>(c, TOKENS.UserRepository), get<SessionIssuer>(c, TOKENS.SessionIssuer), random, clockOf(c)),
    };
    return { flows, cookies: { secure: cfg.cookieSecure }, clock: clockOf(c), frontendUrl: cfg.frontendUrl };
  }).inSingletonScope();

  o.bind(TOKENS.HttpModules).toDynamicValue((c) => new GoogleRoutes(get(c, TOKENS.GoogleRouteDeps)));
});
