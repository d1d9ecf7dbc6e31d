import { ContainerModule, type ResolutionContext } from 'inversify';
import type { Redis } from '@sooscode/adapters/redis/connect-redis';
import {
  AuthenticateAccessToken, ChangePassword, CheckEmailAvailability, EndUserAccess, EnsureBootstrapAdmin, LoginThrottle, LogIn, LogOut,
  RefreshSession, RegisterUser, RenewAccessToken, ResetPassword, SendEmailCode, SendPasswordResetCode, SessionIssuer, UpdateProfile, VerifyEmailCode,
} from '@sooscode/domain';
import type {
  AccessTokenDenylist, AccessTokenIssuer, AccessTokenVerifier, AttemptCounter, Clock, EmailVerificationStore, IdentityPolicy, KeyedHasher,
  Mailer, PasswordHasher, RefreshTokenStore, SecureRandom, SessionFamily, SessionTerminator, UserRepository,
} from '@sooscode/domain';
import {
  CachedSessionChecks, CachedUserRepository, InMemoryAccessTokenDenylist, KeyedReadCache, NotifyingAccessTokenDenylist, NotifyingRefreshTokenStore, type SessionChange, InMemoryAttemptCounter, InMemoryEmailVerificationStore, InMemoryRefreshTokenStore,
} from '@sooscode/domain/memory';
import { Argon2PasswordHasher } from '@sooscode/adapters/auth/argon2-password-hasher';
import { HmacKeyedHasher } from '@sooscode/adapters/auth/hmac-keyed-hasher';
import { JoseAccessTokenIssuer } from '@sooscode/adapters/auth/jose-access-token-issuer';
import { JoseAccessTokenVerifier } from '@sooscode/adapters/auth/jose-access-token-verifier';
import { AuthGuards } from '@sooscode/adapters/http/auth-middleware';
import { AuthRoutes } from '@sooscode/adapters/http/routes/auth-routes';
import type { IdentityRouteDeps } from '@sooscode/adapters/http/routes/identity-route-deps';
import { MeRoutes } from '@sooscode/adapters/http/routes/me-routes';
import { LogMailer } from '@sooscode/adapters/mail/log-mailer';
import { NodemailerMailer } from '@sooscode/adapters/mail/nodemailer-mailer';
import type { Database } from '@sooscode/adapters/postgres/database';
import { TypeOrmUserRepository } from '@sooscode/adapters/postgres/typeorm-user-repository';
import { RedisAccessTokenDenylist } from '@sooscode/adapters/redis/redis-access-token-denylist';
import { RedisAttemptCounter } from '@sooscode/adapters/redis/redis-attempt-counter';
import { RedisEmailVerificationStore } from '@sooscode/adapters/redis/redis-email-verification-store';
import { RedisRefreshTokenStore } from '@sooscode/adapters/redis/redis-refresh-token-store';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { RuntimeSettings } from '../config/runtime-settings';
import { READ_CACHE_TTL_MS, type CacheInvalidator } from './cache-module';

/** Safety net for the cached session checks; reported changes clear them at once (milliseconds). */
const SESSION_CHECK_TTL_MS = 10_000;
import { TOKENS } from '../tokens';
import type { ImageUrls } from '@sooscode/adapters/http/image-urls';

const get = <T>(c: ResolutionContext, token: symbol): T => c.get<T>(token);

/** Accounts, sessions and their HTTP routes. Session state goes to Redis when REDIS_URL is set. */
export const identityModule = new ContainerModule((o) => {
  const settings = (c: ResolutionContext) => get<RuntimeSettings>(c, TOKENS.Settings);
  const redis = (c: ResolutionContext) => get<Redis | null>(c, TOKENS.Redis);
  const prefix = (c: ResolutionContext) => settings(c).config.redisKeyPrefix;
  const clock = (c: ResolutionContext) => get<Clock>(c, TOKENS.Clock);
  const checks = (c: ResolutionContext) => get<CachedSessionChecks>(c, TOKENS.SessionChecks);

  o.bind<IdentityPolicy>(TOKENS.IdentityPolicy).toDynamicValue((c) => {
    const cfg = settings(c).config;
    return {
      refreshTtlS: cfg.refreshTtlS,
      refreshAbsoluteTtlS: cfg.refreshAbsoluteTtlS,
      refreshReuseGraceS: cfg.refreshReuseGraceS,
      accessRenewBeforeS: cfg.accessRenewBeforeS,
      loginMaxFailuresPerAccount: cfg.loginMaxFailuresPerAccount,
      loginMaxFailuresPerIp: cfg.loginMaxFailuresPerIp,
      loginLockWindowS: cfg.loginLockWindowS,
      requireEmailVerification: cfg.authRequireEmailVerification,
      emailVerifiedValidS: cfg.emailVerifiedValidS,
      emailCodeTtlS: cfg.emailCodeTtlS,
      emailCodeMaxAttempts: cfg.emailCodeMaxAttempts,
    };
  }).inSingletonScope();

  // Every authenticated request reads the user: findById is cached, invalidated on every write on any node.
  o.bind<UserRepository>(TOKENS.UserRepository).toDynamicValue((c) => {
    const inner = new TypeOrmUserRepository(get<Database>(c, TOKENS.Database).dataSource);
    return new CachedUserRepository(inner, clock(c), READ_CACHE_TTL_MS, 50_000, (userId) => get<CacheInvalidator>(c, TOKENS.CacheInvalidator).changed({ kind: 'user', userId }));
  }).inSingletonScope();
  o.bind<PasswordHasher>(TOKENS.PasswordHasher).toConstantValue(new Argon2PasswordHasher());
  o.bind<KeyedHasher>(TOKENS.KeyedHasher).toDynamicValue((c) => new HmacKeyedHasher(settings(c).jwtSecret)).inSingletonScope();
  o.bind<AccessTokenIssuer>(TOKENS.AccessTokenIssuer).toDynamicValue((c) => {
    const s = settings(c);
    return new JoseAccessTokenIssuer({ secret: s.jwtSecret, issuer: s.config.jwtIssuer, audience: s.config.jwtAudience, ttlS: s.config.jwtAccessTtlS });
  }).inSingletonScope();
  o.bind<AccessTokenVerifier>(TOKENS.AccessTokenVerifier).toDynamicValue((c) => {
    const s = settings(c);
    return new JoseAccessTokenVerifier({ secret: s.jwtSecret, issuer: s.config.jwtIssuer, audience: s.config.jwtAudience });
  }).inSingletonScope();
  // Writers use these stores, which report every change; the per-request checks read through cached
  // views (TOKENS.SessionChecks) that every reported change clears at once, here and on every node.
  const sessionChanged = (c: ResolutionContext) => (change: SessionChange) => get<CacheInvalidator>(c, TOKENS.CacheInvalidator).changed(change);
  o.bind<AccessTokenDenylist>(TOKENS.AccessTokenDenylist).toDynamicValue((c) => {
    const r = redis(c);
    const store = r ? new RedisAccessTokenDenylist(r, prefix(c)) : new InMemoryAccessTokenDenylist(clock(c));
    return new NotifyingAccessTokenDenylist(store, sessionChanged(c));
  }).inSingletonScope();
  o.bind<RefreshTokenStore>(TOKENS.RefreshTokenStore).toDynamicValue((c) => {
    const r = redis(c);
    const store = r ? new RedisRefreshTokenStore(r, prefix(c)) : new InMemoryRefreshTokenStore(clock(c));
    return new NotifyingRefreshTokenStore(store, sessionChanged(c));
  }).inSingletonScope();
  o.bind<CachedSessionChecks>(TOKENS.SessionChecks).toDynamicValue((c) => new CachedSessionChecks(
    get(c, TOKENS.RefreshTokenStore), get(c, TOKENS.AccessTokenDenylist),
    new KeyedReadCache<SessionFamily | null>(clock(c), SESSION_CHECK_TTL_MS), new KeyedReadCache<boolean>(clock(c), SESSION_CHECK_TTL_MS),
  )).inSingletonScope();
  o.bind<AttemptCounter>(TOKENS.AttemptCounter).toDynamicValue((c) => {
    const r = redis(c);
    return r ? new RedisAttemptCounter(r, prefix(c)) : new InMemoryAttemptCounter(clock(c));
  }).inSingletonScope();
  o.bind<EmailVerificationStore>(TOKENS.EmailVerificationStore).toDynamicValue((c) => {
    const r = redis(c);
    return r ? new RedisEmailVerificationStore(r, prefix(c)) : new InMemoryEmailVerificationStore(clock(c));
  }).inSingletonScope();
  // Password-reset codes: the same port, a store of their own (http.md §15: never interchangeable).
  o.bind<EmailVerificationStore>(TOKENS.PasswordResetCodeStore).toDynamicValue((c) => {
    const r = redis(c);
    return r ? new RedisEmailVerificationStore(r, prefix(c), 'password-reset') : new InMemoryEmailVerificationStore(clock(c));
  }).inSingletonScope();
  o.bind<Mailer>(TOKENS.Mailer).toDynamicValue((c) => {
    const cfg = settings(c).config;
    if (!cfg.smtpHost) return new LogMailer(get<Logger>(c, TOKENS.Logger));
    return new NodemailerMailer({
      host: cfg.smtpHost, port: cfg.smtpPort, secure: cfg.smtpSecure, user: cfg.smtpUser, password: cfg.smtpPassword, from: cfg.smtpFrom, timeoutMs: cfg.smtpTimeoutMs,
    });
  }).inSingletonScope();

  o.bind(TOKENS.SessionIssuer).toDynamicValue((c) => new SessionIssuer(
    get(c, TOKENS.RefreshTokenStore), get(c, TOKENS.AccessTokenIssuer), get(c, TOKENS.KeyedHasher), get<SecureRandom>(c, TOKENS.SecureRandom), clock(c), get(c, TOKENS.IdentityPolicy),
  )).inSingletonScope();
  o.bind(TOKENS.LoginThrottle).toDynamicValue((c) => new LoginThrottle(get(c, TOKENS.AttemptCounter), get(c, TOKENS.IdentityPolicy))).inSingletonScope();
  o.bind(TOKENS.AuthenticateAccessToken).toDynamicValue((c) => new AuthenticateAccessToken(
    get(c, TOKENS.AccessTokenVerifier), checks(c).denylistReader, checks(c).familyReader, get(c, TOKENS.UserRepository), clock(c),
  )).inSingletonScope();
  o.bind(TOKENS.EndUserAccess).toDynamicValue((c) => new EndUserAccess(
    get(c, TOKENS.UserRepository), get(c, TOKENS.RefreshTokenStore), get<SessionTerminator>(c, TOKENS.SessionTerminator), clock(c),
  )).inSingletonScope();
  o.bind(TOKENS.EnsureBootstrapAdmin).toDynamicValue((c) => new EnsureBootstrapAdmin(get(c, TOKENS.UserRepository), get(c, TOKENS.PasswordHasher), clock(c))).inSingletonScope();
  o.bind(TOKENS.AuthGuards).toDynamicValue((c) => new AuthGuards({
    authenticate: get(c, TOKENS.AuthenticateAccessToken),
    renew: new RenewAccessToken(get(c, TOKENS.AccessTokenIssuer), checks(c).familyReader, clock(c), get(c, TOKENS.IdentityPolicy)),
    cookies: { secure: settings(c).config.cookieSecure },
    clock: clock(c),
  })).inSingletonScope();

  o.bind<IdentityRouteDeps>(TOKENS.IdentityRouteDeps).toDynamicValue((c) => {
    const users = get<UserRepository>(c, TOKENS.UserRepository);
    const hasher = get<PasswordHasher>(c, TOKENS.PasswordHasher);
    const store = get<RefreshTokenStore>(c, TOKENS.RefreshTokenStore);
    const terminator = get<SessionTerminator>(c, TOKENS.SessionTerminator);
    const policy = get<IdentityPolicy>(c, TOKENS.IdentityPolicy);
    const sessions = get<SessionIssuer>(c, TOKENS.SessionIssuer);
    const counter = get<AttemptCounter>(c, TOKENS.AttemptCounter);
    const verifications = get<EmailVerificationStore>(c, TOKENS.EmailVerificationStore);
    const keyed = get<KeyedHasher>(c, TOKENS.KeyedHasher);
    const throttle = get<LoginThrottle>(c, TOKENS.LoginThrottle);
    const resetCodes = get<EmailVerificationStore>(c, TOKENS.PasswordResetCodeStore);
    const s = settings(c);
    return {
      guards: get(c, TOKENS.AuthGuards),
      cookies: { secure: s.config.cookieSecure },
      clock: clock(c),
      logIn: new LogIn(users, hasher, throttle, sessions, clock(c)),
      logOut: new LogOut(get(c, TOKENS.AccessTokenVerifier), get(c, TOKENS.AccessTokenDenylist), store, sessions, terminator, clock(c)),
      refresh: new RefreshSession(store, users, sessions, terminator, clock(c), policy),
      register: new RegisterUser(users, hasher, verifications, clock(c), policy),
      sendEmailCode: new SendEmailCode(users, verifications, counter, get(c, TOKENS.Mailer), keyed, get(c, TOKENS.SecureRandom), clock(c), policy),
      verifyEmailCode: new VerifyEmailCode(verifications, keyed, clock(c), policy),
      checkEmail: new CheckEmailAvailability(users, counter),
      sendPasswordResetCode: new SendPasswordResetCode(users, resetCodes, counter, get(c, TOKENS.Mailer), keyed, get(c, TOKENS.SecureRandom), clock(c), policy),
      resetPassword: new ResetPassword(users, resetCodes, keyed, hasher, throttle, store, terminator, clock(c), policy),
      changePassword: new ChangePassword(users, hasher, throttle, store, terminator, clock(c)),
      updateProfile: new UpdateProfile(users, clock(c)),
      endUserAccess: get(c, TOKENS.EndUserAccess),
      images: get<ImageUrls>(c, TOKENS.ImageUrls),
    };
  }).inSingletonScope();
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => new AuthRoutes(get(c, TOKENS.IdentityRouteDeps)));
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => new MeRoutes(get(c, TOKENS.IdentityRouteDeps)));
});
