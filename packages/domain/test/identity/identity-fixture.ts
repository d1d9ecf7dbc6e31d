import {
  AuthenticateAccessToken,
  ChangePassword,
  CheckEmailAvailability,
  DEFAULT_IDENTITY_POLICY,
  EndUserAccess,
  EnsureBootstrapAdmin,
  LogIn,
  LogOut,
  LoginThrottle,
  RefreshSession,
  RegisterUser,
  RenewAccessToken,
  ResetPassword,
  SendEmailCode,
  SendPasswordResetCode,
  SessionIssuer,
  UpdateProfile,
  VerifyEmailCode,
  type IdentityPolicy,
  type IssuedSession,
  type Principal,
} from '@sooscode/domain';
import { FakeAccessTokens, FakeKeyedHasher, FakePasswordHasher, FixedClock, RecordingMailer, RecordingSessionTerminator, SequenceRandom, UserMother } from '@sooscode/domain/testing';
import { InMemoryAccessTokenDenylist, InMemoryAttemptCounter, InMemoryEmailVerificationStore, InMemoryRefreshTokenStore, InMemoryUserRepository } from '@sooscode/adapters/memory';

/** Every identity use case wired to the in-memory adapters and fakes, on one FixedClock. */
export function identityFixture(overrides: Partial<IdentityPolicy> = {}) {
  const policy: IdentityPolicy = { ...DEFAULT_IDENTITY_POLICY, requireEmailVerification: false, ...overrides };
  const clock = new FixedClock();
  const users = new InMemoryUserRepository();
  const store = new InMemoryRefreshTokenStore(clock);
  const denylist = new InMemoryAccessTokenDenylist(clock);
  const counter = new InMemoryAttemptCounter(clock);
  const verifications = new InMemoryEmailVerificationStore(clock);
  const resetCodes = new InMemoryEmailVerificationStore(clock);
  const tokens = new FakeAccessTokens(1800);
  const keyed = new FakeKeyedHasher();
  const random = new SequenceRandom();
  const hasher = new FakePasswordHasher();
  const mailer = new RecordingMailer();
  const terminator = new RecordingSessionTerminator();
  const sessions = new SessionIssuer(store, tokens, keyed, random, clock, policy);
  const throttle = new LoginThrottle(counter, policy);
  const authenticate = new AuthenticateAccessToken(tokens, denylist, store, users, clock);
  const f = {
    policy, clock, users, store, denylist, counter, verifications, resetCodes, tokens, keyed, random, hasher, mailer, terminator, sessions, throttle,
    authenticate,
    logIn: new LogIn(users, hasher, throttle, sessions, clock),
    logOut: new LogOut(tokens, denylist, store, sessions, terminator, clock),
    refresh: new RefreshSession(store, users, sessions, terminator, clock, policy),
    renew: new RenewAccessToken(tokens, store, clock, policy),
    register: new RegisterUser(users, hasher, verifications, clock, policy),
    sendEmailCode: new SendEmailCode(users, verifications, counter, mailer, keyed, random, clock, policy),
    verifyEmailCode: new VerifyEmailCode(verifications, keyed, clock, policy),
    sendPasswordResetCode: new SendPasswordResetCode(users, resetCodes, counter, mailer, keyed, random, clock, policy),
    resetPassword: new ResetPassword(users, resetCodes, keyed, hasher, throttle, store, terminator, clock, policy),
    checkEmail: new CheckEmailAvailability(users, counter),
    changePassword: new ChangePassword(users, hasher, throttle, store, terminator, clock),
    updateProfile: new UpdateProfile(users, clock),
    endUserAccess: new EndUserAccess(users, store, terminator, clock),
    ensureBootstrapAdmin: new EnsureBootstrapAdmin(users, hasher, clock),

    /** Stores an ACTIVE student whose password is `Passw0rd!` (unless overridden). */
    async student(password = 'Passw0rd!') {
      return users.create(UserMother.student({ password }));
    },

    /** Logs `email` in from 10.0.0.1 and returns the issued session (throws on failure). */
    async session(email: string, password = 'Passw0rd!', clientIp = '10.0.0.1'): Promise<IssuedSession> {
      const r = await f.logIn.execute({ email, password, clientIp });
      if (!r.ok) throw new Error(`login failed: ${r.error.code}`);
      return r.value.session;
    },

    /** The principal of an access token (throws when it does not authenticate). */
    async principal(accessToken: string): Promise<Principal> {
      const r = await authenticate.execute(accessToken);
      if (!r.ok) throw new Error(`authentication failed: ${r.error}`);
      return r.value;
    },
  };
  return f;
}

export type IdentityFixture = ReturnType<typeof identityFixture>;

/** The code of a failed result, or 'ok'. */
export function codeOf(result: { ok: true } | { ok: false; error: { code: string } }): string {
  return result.ok ? 'ok' : result.error.code;
}
