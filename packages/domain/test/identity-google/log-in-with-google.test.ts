import { beforeEach, describe, expect, it } from 'vitest';
import {
  BeginGoogleLogin, DEFAULT_IDENTITY_POLICY, GOOGLE_FALLBACK_NAME, GOOGLE_LOGIN_TTL_S, LogInWithGoogle, SessionIssuer, UNUSABLE_PASSWORD_PREFIX,
  googleAccountName,
} from '../../src/index';
import { FakeAccessTokens, FakeKeyedHasher, FakePasswordHasher, FixedClock, SequenceRandom, UserMother } from '@sooscode/domain/testing';
import { InMemoryOAuthStateStore, InMemoryRefreshTokenStore, InMemoryUserRepository } from '@sooscode/adapters/memory';
import { FakeOAuthIdentityProvider } from './fake-oauth-identity-provider';

describe('Google sign-in use cases', () => {
  let clock: FixedClock;
  let provider: FakeOAuthIdentityProvider;
  let store: InMemoryOAuthStateStore;
  let users: InMemoryUserRepository;
  let families: InMemoryRefreshTokenStore;
  let begin: BeginGoogleLogin;
  let logIn: LogInWithGoogle;

  beforeEach(() => {
    clock = new FixedClock();
    const random = new SequenceRandom();
    provider = new FakeOAuthIdentityProvider();
    store = new InMemoryOAuthStateStore(clock);
    users = new InMemoryUserRepository();
    families = new InMemoryRefreshTokenStore(clock);
    const sessions = new SessionIssuer(families, new FakeAccessTokens(), new FakeKeyedHasher(), random, clock, DEFAULT_IDENTITY_POLICY);
    begin = new BeginGoogleLogin(provider, store, random);
    logIn = new LogInWithGoogle(provider, store, users, sessions, random, clock);
  });

  /** Starts a sign-in and returns the cookie id and the state the provider would echo. */
  async function started(): Promise<{ loginId: string; state: string }> {
    const start = await begin.execute();
    if (!start.ok) throw new Error(start.error.code);
    return { loginId: start.value.loginId, state: provider.authorizations.at(-1)!.state };
  }

  const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

  describe('BeginGoogleLogin', () => {
    it('draws distinct secrets, stores them under a new id for 10 minutes, and returns the provider URL', async () => {
      const start = await begin.execute();
      expect(start.ok).toBe(true);
      if (!start.ok) return;
      const pending = provider.authorizations[0]!;
      expect(new Set([pending.state, pending.codeVerifier, pending.nonce, start.value.loginId]).size).toBe(4);
      expect(pending.codeVerifier.length).toBeGreaterThanOrEqual(43);
      expect(start.value).toEqual({ loginId: start.value.loginId, authorizationUrl: `https://idp.example/auth?state=${pending.state}`, ttlS: GOOGLE_LOGIN_TTL_S });
      clock.advance((GOOGLE_LOGIN_TTL_S - 1) * 1000);
      expect(await store.take(start.value.loginId)).toEqual(pending);
    });

    it('answers GLOBAL_503 and stores nothing when the provider is unavailable', async () => {
      provider.available = false;
      const start = await begin.execute();
      expect(codeOf(start)).toBe('GLOBAL_503');
    });
  });

  describe('LogInWithGoogle', () => {
    it('creates an ACTIVE GOOGLE STUDENT with an unusable password and starts a session family', async () => {
      const { loginId, state } = await started();
      const result = await logIn.execute({ loginId, params: { code: 'c1', state, iss: 'https://idp.example' } });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { user, session, created } = result.value;
      expect(created).toBe(true);
      expect(user).toMatchObject({ email: 'new.person@example.com', name: '새 사용자', role: 'STUDENT', status: 'ACTIVE', provider: 'GOOGLE', lastLoginAt: clock.now() });
      expect(user.passwordHash.startsWith(UNUSABLE_PASSWORD_PREFIX)).toBe(true);
      expect((await new FakePasswordHasher().verify('', user.passwordHash)).valid).toBe(false);
      expect(await users.findByEmail('new.person@example.com')).toEqual(user);
      expect((await families.get(session.familyId))?.userId).toBe(user.id);
      expect(provider.exchanges[0]!.params).toEqual({ code: 'c1', state, iss: 'https://idp.example' });
      expect(provider.exchanges[0]!.pending.state).toBe(state);
    });

    it('signs in an existing ACTIVE account with the same email whatever its case, without changing it', async () => {
      const existing = await users.create(UserMother.instructor({ email: 'new.person@example.com', name: '기존강사' }));
      const { loginId, state } = await started();
      const result = await logIn.execute({ loginId, params: { code: 'c1', state } });
      expect(result.ok && result.value.created).toBe(false);
      if (!result.ok) return;
      expect(result.value.user).toEqual({ ...existing, lastLoginAt: clock.now() });
      expect(await users.findByEmail('new.person@example.com')).toEqual({ ...existing, lastLoginAt: clock.now() });
    });

    it('starts a new family on every sign-in', async () => {
      const first = await started();
      const a = await logIn.execute({ loginId: first.loginId, params: { code: 'c1', state: first.state } });
      const second = await started();
      const b = await logIn.execute({ loginId: second.loginId, params: { code: 'c2', state: second.state } });
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(a.value.user.id).toBe(b.value.user.id);
      expect(a.value.session.familyId).not.toBe(b.value.session.familyId);
    });

    it('refuses a provider error with AUTH_501 before looking at the state, and consumes the pending sign-in', async () => {
      const { loginId, state } = await started();
      expect(codeOf(await logIn.execute({ loginId: undefined, params: { error: 'access_denied' } }))).toBe('AUTH_501');
      expect(codeOf(await logIn.execute({ loginId, params: { error: 'access_denied', state } }))).toBe('AUTH_501');
      expect(codeOf(await logIn.execute({ loginId, params: { code: 'c', state } }))).toBe('AUTH_503');
      expect(provider.exchanges).toHaveLength(0);
    });

    it('refuses a missing, unknown, mismatched, expired or reused pending sign-in with AUTH_503', async () => {
      const a = await started();
      expect(codeOf(await logIn.execute({ loginId: undefined, params: { code: 'c', state: a.state } }))).toBe('AUTH_503');
      expect(codeOf(await logIn.execute({ loginId: 'unknown-id', params: { code: 'c', state: a.state } }))).toBe('AUTH_503');
      expect(codeOf(await logIn.execute({ loginId: a.loginId, params: { code: 'c', state: `${a.state}x` } }))).toBe('AUTH_503');
      expect(codeOf(await logIn.execute({ loginId: a.loginId, params: { code: 'c', state: a.state } }))).toBe('AUTH_503');
      const b = await started();
      expect(codeOf(await logIn.execute({ loginId: b.loginId, params: { code: 'c' } }))).toBe('AUTH_503');
      const c = await started();
      clock.advance(GOOGLE_LOGIN_TTL_S * 1000);
      expect(codeOf(await logIn.execute({ loginId: c.loginId, params: { code: 'c', state: c.state } }))).toBe('AUTH_503');
      const d = await started();
      expect(codeOf(await logIn.execute({ loginId: d.loginId, params: { code: 'c', state: d.state } }))).toBe('ok');
      expect(codeOf(await logIn.execute({ loginId: d.loginId, params: { code: 'c', state: d.state } }))).toBe('AUTH_503');
      expect(provider.exchanges).toHaveLength(1);
    });

    it('maps a missing code and exchange failures to AUTH_501, token failures to AUTH_502', async () => {
      const a = await started();
      expect(codeOf(await logIn.execute({ loginId: a.loginId, params: { state: a.state } }))).toBe('AUTH_501');
      provider.failure = 'exchange_failed';
      const b = await started();
      expect(codeOf(await logIn.execute({ loginId: b.loginId, params: { code: 'c', state: b.state } }))).toBe('AUTH_501');
      provider.failure = 'invalid_token';
      const c = await started();
      expect(codeOf(await logIn.execute({ loginId: c.loginId, params: { code: 'c', state: c.state } }))).toBe('AUTH_502');
      provider.failure = null;
      provider.identity = { ...provider.identity, email: 'not-an-email' };
      const d = await started();
      expect(codeOf(await logIn.execute({ loginId: d.loginId, params: { code: 'c', state: d.state } }))).toBe('AUTH_502');
    });

    it('refuses an unverified email with AUTH_504 and creates nothing', async () => {
      provider.identity = { ...provider.identity, emailVerified: false };
      const { loginId, state } = await started();
      expect(codeOf(await logIn.execute({ loginId, params: { code: 'c', state } }))).toBe('AUTH_504');
      expect(await users.findByEmail('new.person@example.com')).toBeNull();
    });

    it('refuses an INACTIVE account with AUTH_103 (after the email check) and leaves it untouched', async () => {
      const inactive = await users.create(UserMother.student({ email: 'new.person@example.com', status: 'INACTIVE' }));
      const a = await started();
      expect(codeOf(await logIn.execute({ loginId: a.loginId, params: { code: 'c', state: a.state } }))).toBe('AUTH_103');
      expect(await users.findByEmail('new.person@example.com')).toEqual(inactive);
      provider.identity = { ...provider.identity, emailVerified: false };
      const b = await started();
      expect(codeOf(await logIn.execute({ loginId: b.loginId, params: { code: 'c', state: b.state } }))).toBe('AUTH_504');
    });

    it('links to the account a concurrent callback created first', async () => {
      const a = await started();
      const b = await started();
      const [ra, rb] = await Promise.all([
        logIn.execute({ loginId: a.loginId, params: { code: 'ca', state: a.state } }),
        logIn.execute({ loginId: b.loginId, params: { code: 'cb', state: b.state } }),
      ]);
      expect(ra.ok && rb.ok).toBe(true);
      if (!ra.ok || !rb.ok) return;
      expect(ra.value.user.id).toBe(rb.value.user.id);
      expect([ra.value.created, rb.value.created].sort()).toEqual([false, true]);
    });
  });

  describe('googleAccountName', () => {
    it('trims and cuts the provider name to 16 characters', () => {
      expect(googleAccountName('  Kim  ', 'a@b.c')).toBe('Kim');
      expect(googleAccountName('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'a@b.c')).toBe('ABCDEFGHIJKLMNOP');
      expect(googleAccountName('가나다라마바사아자차카타파하가나다라', 'a@b.c')).toBe('가나다라마바사아자차카타파하가나');
      expect(googleAccountName('ABCDEFGHIJKLMNO  Z', 'a@b.c')).toBe('ABCDEFGHIJKLMNO');
    });

    it('falls back to the local part of the email, then to a fixed name', () => {
      expect(googleAccountName(null, 'someone.long.local.part@x.io')).toBe('someone.long.loc');
      expect(googleAccountName('  ', 'jo@x.io')).toBe('jo');
      expect(googleAccountName('K', 'jo@x.io')).toBe('jo');
      expect(googleAccountName(null, 'j@x.io')).toBe(GOOGLE_FALLBACK_NAME);
    });
  });
});
