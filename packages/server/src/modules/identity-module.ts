import { ContainerModule, type ResolutionContext } from 'inversify';
import {
  AuthenticateAccessToken, ChangePassword, CheckEmailAvailability, EndUserAccess, EnsureBootstrapAdmin, LoginThrottle, LogIn, LogOut,
  RefreshSession, RegisterUser, RenewAccessToken, ResetPassword, SendEmailCode, SendPasswordResetCode, SessionIssuer, UpdateProfile, VerifyEmailCode,
} from '@sooscode/domain';
import type { AccessTokenDenylist, AccessTokenIssuer, AccessTokenVerifier, AttemptCounter, EmailVerificationStore, IdentityPolicy, KeyedHasher, Mailer, PasswordHasher, RefreshTokenStore, SecureRandom, SessionFamily, SessionTerminator, UserRepository } from '@sooscode/domain';
import { CachedSessionChecks, CachedUserRepository, KeyedReadCache, NotifyingAccessTokenDenylist, NotifyingRefreshTokenStore, type SessionChange } from '@sooscode/adapters/cache';
import { Argon2PasswordHasher } from '@sooscode/adapters/auth/argon2-password-hasher';
import { HmacKeyedHasher } from '@sooscode/adapters/auth/hmac-keyed-hasher';
import { JoseAccessTokenIssuer } from '@sooscode/adapters/auth/jose-access-token-issuer';
import { JoseAccessTokenVerifier } from '@sooscode/adapters/auth/jose-access-token-verifier';
import { AuthGuards } from '@sooscode/adapters/http/auth-middleware';
import { AuthRoutes, type AuthRoutesDeps } from '@sooscode/adapters/http/routes/auth-routes';
import { MeRoutes, type MeRoutesDeps } from '@sooscode/adapters/http/routes/me-routes';
import { LogMailer } from '@sooscode/adapters/mail/log-mailer';
import { NodemailerMailer } from '@sooscode/adapters/mail/nodemailer-mailer';
import type { Database } from '@sooscode/adapters/postgres/database';
import { TypeOrmUserRepository } from '@sooscode/adapters/postgres/typeorm-user-repository';
import type { Logger } from '@sooscode/adapters/system/logger';
import { READ_CACHE_TTL_MS, type CacheInvalidator } from './cache-module';
import { TOKENS } from '../tokens';
import { clockOf, get, settingsOf } from './resolve';
import type { ImageUrls } from '@sooscode/adapters/http/image-urls';

/** Safety net for the cached session checks; reported changes clear them at once (milliseconds). */
const SESSION_CHECK_TTL_MS = 10_000;

/** Accounts, sessions and their HTTP routes. Session state goes to Redis when REDIS_URL is set. */
export const identityModule = new ContainerModule((o) => {
  const cookiesOf = (c: ResolutionContext) => ({ secure: settingsOf(c).config.cookieSecure });
  const checks = (c: ResolutionContext) => get<CachedSessionChecks>(c, TOKENS.SessionChecks);

  o.bind<IdentityPolicy>(TOKENS.IdentityPolicy).toDynamicValue((c) => {
    const cfg = settingsOf(c).config;
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
    return new CachedUserRepository(inner, clockOf(c), READ_CACHE_TTL_MS, 50_000, (userId) => get<CacheInvalidator>(c, TOKENS.CacheInvalidator).changed({ kind: 'user', userId }));
  }).inSingletonScope();
  o.bind<PasswordHasher>(TOKENS.PasswordHasher).toConstantValue(new Argon2PasswordHasher());
  o.bind<KeyedHasher>(TOKENS.KeyedHasher).toDynamicValue((c) => new HmacKeyedHasher(settingsOf(c).jwtSecret)).inSingletonScope();
  o.bind<AccessTokenIssuer>(TOKENS.AccessTokenIssuer).toDynamicValue((c) => {
    const s = settingsOf(c);
    return new JoseAccessTokenIssuer({ secret: s.jwtSecret, issuer: s.config.jwtIssuer, audience: s.config.jwtAudience, ttlS: s.config.jwtAccessTtlS });
  }).inSingletonScope();
  o.bind<AccessTokenVerifier>(TOKENS.AccessTokenVerifier).toDynamicValue((c) => {
    const s = settingsOf(c);
    return new JoseAccessTokenVerifier({ secret: s.jwtSecret, issuer: s.config.jwtIssuer, audience: s.config.jwtAudience });
  }).inSingletonScope();
  // Writers use these stores, which report every change; the per-request checks read through cached
  // views (TOKENS.SessionChecks) that every reported change clears at once, here and on every node.
  const sessionChanged = (c: ResolutionContext) => (change: SessionChange) => get<CacheInvalidator>(c, TOKENS.CacheInvalidator).changed(change);
  o.bind<AccessTokenDenylist>(TOKENS.AccessTokenDenylist).toDynamicValue((c) => new NotifyingAccessTokenDenylist(get(c, TOKENS.RawAccessTokenDenylist), sessionChanged(c))).inSingletonScope();
  o.bind<RefreshTokenStore>(TOKENS.RefreshTokenStore).toDynamicValue((c) => new NotifyingRefreshTokenStore(get(c, TOKENS.RawRefreshTokenStore), sessionChanged(c))).inSingletonScope();
  o.bind<CachedSessionChecks>(TOKENS.SessionChecks).toDynamicValue((c) => new CachedSessionChecks(
    get(c, TOKENS.RefreshTokenStore), get(c, TOKENS.AccessTokenDenylist),
    new KeyedReadCache<SessionFamily | null>(clockOf(c), SESSION_CHECK_TTL_MS), new KeyedReadCache<boolean>(clockOf(c), SESSION_CHECK_TTL_MS),
  )).inSingletonScope();
  o.bind<Mailer>(TOKENS.Mailer).toDynamicValue((c) => {
    const cfg = settingsOf(c).config;
    if (!cfg.smtpHost) return new LogMailer(get<Logger>(c, TOKENS.Logger));
    return new NodemailerMailer({
      host: cfg.smtpHost, port: cfg.smtpPort, secure: cfg.smtpSecure, user: cfg.smtpUser, password: cfg.smtpPassword, from: cfg.smtpFrom, timeoutMs: cfg.smtpTimeoutMs,
    });
  }).inSingletonScope();

  o.bind(TOKENS.SessionIssuer).toDynamicValue((c) => new SessionIssuer(
    get(c, TOKENS.RefreshTokenStore), get(c, TOKENS.AccessTokenIssuer), get(c, TOKENS.KeyedHasher), get<SecureRandom>(c, TOKENS.SecureRandom), clockOf(c), get(c, TOKENS.IdentityPolicy),
  )).inSingletonScope();
  o.bind(TOKENS.LoginThrottle).toDynamicValue((c) => new LoginThrottle(get(c, TOKENS.AttemptCounter), get(c, TOKENS.IdentityPolicy))).inSingletonScope();
  o.bind(TOKENS.AuthenticateAccessToken).toDynamicValue((c) => new AuthenticateAccessToken(
    get(c, TOKENS.AccessTokenVerifier), checks(c).denylistReader, checks(c).familyReader, get(c, TOKENS.UserRepository), clockOf(c),
  )).inSingletonScope();
  o.bind(TOKENS.EndUserAccess).toDynamicValue((c) => new EndUserAccess(
    get(c, TOKENS.UserRepository), get(c, TOKENS.RefreshTokenStore), get<SessionTerminator>(c, TOKENS.SessionTerminator), clockOf(c),
  )).inSingletonScope();
  o.bind(TOKENS.EnsureBootstrapAdmin).toDynamicValue((c) => new EnsureBootstrapAdmin(get(c, TOKENS.UserRepository), get(c, TOKENS.PasswordHasher), clockOf(c))).inSingletonScope();
  o.bind(TOKENS.AuthGuards).toDynamicValue((c) => new AuthGuards({
    authenticate: get(c, TOKENS.AuthenticateAccessToken),
    renew: new RenewAccessToken(get(c, TOKENS.AccessTokenIssuer), checks(c).familyReader, clockOf(c), get(c, TOKENS.IdentityPolicy)),
    cookies: cookiesOf(c),
    clock: clockOf(c),
  })).inSingletonScope();

  // Each routes class gets its own dependencies: the use cases it calls and the edge helpers it needs.
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => {
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
    const mailer = get<Mailer>(c, TOKENS.Mailer);
    const random = get<SecureRandom>(c, TOKENS.SecureRandom);
    const clock = clockOf(c);
    const deps: AuthRoutesDeps = {
      cookies: cookiesOf(c),
      clock,
      images: get<ImageUrls>(c, TOKENS.ImageUrls),
      logIn: new LogIn(users, hasher, throttle, sessions, clock),
      logOut: new LogOut(get(c, TOKENS.AccessTokenVerifier), get(c, TOKENS.AccessTokenDenylist), store, sessions, terminator, clock),
      refresh: new RefreshSession(store, users, sessions, terminator, clock, policy),
      register: new RegisterUser(users, hasher, verifications, clock, policy),
      sendEmailCode: new SendEmailCode(users, verifications, counter, mailer, keyed, random, clock, policy),
      verifyEmailCode: new VerifyEmailCode(verifications, keyed, clock, policy),
      checkEmail: new CheckEmailAvailability(users, counter),
      sendPasswordResetCode: new SendPasswordResetCode(users, resetCodes, counter, mailer, keyed, random, clock, policy),
      resetPassword: new ResetPassword(users, resetCodes, keyed, hasher, throttle, store, terminator, clock, policy),
    };
    return new AuthRoutes(deps);
  });
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => {
    const users = get<UserRepository>(c, TOKENS.UserRepository);
    const deps: MeRoutesDeps = {
      guards: get(c, TOKENS.AuthGuards),
      cookies: cookiesOf(c),
      images: get<ImageUrls>(c, TOKENS.ImageUrls),
      changePassword: new ChangePassword(
        users, get(c, TOKENS.PasswordHasher), get(c, TOKENS.LoginThrottle), get(c, TOKENS.RefreshTokenStore), get(c, TOKENS.SessionTerminator), clockOf(c),
      ),
      updateProfile: new UpdateProfile(users, clockOf(c)),
      endUserAccess: get(c, TOKENS.EndUserAccess),
    };
    return new MeRoutes(deps);
  });
});
