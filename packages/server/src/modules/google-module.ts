import { ContainerModule, type ResolutionContext } from 'inversify';
import { BeginGoogleLogin, LogInWithGoogle } from '@sooscode/domain';
import type { Clock, OAuthIdentityProvider, OAuthStateStore, SecureRandom, SessionIssuer, UserRepository } from '@sooscode/domain';
import { InMemoryOAuthStateStore } from '@sooscode/adapters/memory';
import { OpenIdClientOAuthIdentityProvider } from '@sooscode/adapters/auth/openid-client-oauth-identity-provider';
import { GoogleRoutes, type GoogleRouteDeps } from '@sooscode/adapters/http/routes/google-routes';
import type { Redis } from '@sooscode/adapters/redis/connect-redis';
import { RedisOAuthStateStore } from '@sooscode/adapters/redis/redis-oauth-state-store';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { RuntimeSettings } from '../config/runtime-settings';
import { TOKENS } from '../tokens';

const get = <T>(c: ResolutionContext, token: symbol): T => c.get<T>(token);

/**
 * Google sign-in (OpenID Connect). Enabled only when GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and
 * GOOGLE_REDIRECT_URI are all set; otherwise the provider binding is null and both routes answer 503.
 * Pending sign-ins live in Redis when REDIS_URL is set (any node may receive the callback).
 */
export const googleModule = new ContainerModule((o) => {
  const settings = (c: ResolutionContext) => get<RuntimeSettings>(c, TOKENS.Settings);
  const clock = (c: ResolutionContext) => get<Clock>(c, TOKENS.Clock);

  o.bind<OAuthStateStore>(TOKENS.OAuthStateStore).toDynamicValue((c) => {
    const redis = get<Redis | null>(c, TOKENS.Redis);
    return redis ? new RedisOAuthStateStore(redis, settings(c).config.redisKeyPrefix) : new InMemoryOAuthStateStore(clock(c));
  }).inSingletonScope();

  o.bind<OAuthIdentityProvider | null>(TOKENS.OAuthIdentityProvider).toDynamicValue((c) => {
    const cfg = settings(c).config;
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
    const cfg = settings(c).config;
    const provider = get<OAuthIdentityProvider | null>(c, TOKENS.OAuthIdentityProvider);
    const store = get<OAuthStateStore>(c, TOKENS.OAuthStateStore);
    const random = get<SecureRandom>(c, TOKENS.SecureRandom);
    const flows = provider && {
      begin: new BeginGoogleLogin(provider, store, random),
      logIn: new LogInWithGoogle(provider, store, get<UserRepository>(c, TOKENS.UserRepository), get<SessionIssuer>(c, TOKENS.SessionIssuer), random, clock(c)),
    };
    return { flows, cookies: { secure: cfg.cookieSecure }, clock: clock(c), frontendUrl: cfg.frontendUrl };
  }).inSingletonScope();

  o.bind(TOKENS.HttpModules).toDynamicValue((c) => new GoogleRoutes(get(c, TOKENS.GoogleRouteDeps)));
});
