import { describe, expect, it } from 'vitest';
import { codeOf, identityFixture } from './identity-fixture';

describe('AuthenticateAccessToken', () => {
  it('authenticates with role and name read from the user record, not from the token', async () => {
    const f = identityFixture();
    const u = await f.student();
    const s = await f.session(u.email);
    await f.users.update({ ...u, role: 'INSTRUCTOR', name: '새이름' });
    expect(await f.authenticate.execute(s.accessToken)).toEqual({
      ok: true,
      value: { userId: u.id, email: u.email, name: '새이름', role: 'INSTRUCTOR', profileImageUrl: null, familyId: s.familyId, tokenExpiresAt: new Date(f.clock.now().getTime() + 1_800_000) },
    });
  });

  it('answers AUTH_401 for an expired token and GLOBAL_401 for every other refusal', async () => {
    const f = identityFixture();
    const u = await f.student();
    const s = await f.session(u.email);
    expect(await f.authenticate.execute('garbage')).toEqual({ ok: false, error: 'GLOBAL_401' });
    // A token naming another user's family is refused.
    const other = await f.student();
    const forged = s.accessToken.replace(`|${u.id}|`, `|${other.id}|`);
    expect(await f.authenticate.execute(forged)).toEqual({ ok: false, error: 'GLOBAL_401' });
    // An unknown family.
    const unknown = s.accessToken.replace(s.familyId, 'no-such-family');
    expect(await f.authenticate.execute(unknown)).toEqual({ ok: false, error: 'GLOBAL_401' });
    f.clock.advance(1_800_000);
    expect(await f.authenticate.execute(s.accessToken)).toEqual({ ok: false, error: 'AUTH_401' });
  });

  it('refuses a denied jti, a revoked family, an unknown user and an inactive user at once', async () => {
    const f = identityFixture();
    const u = await f.student();
    const denied = await f.session(u.email);
    const claims = await f.tokens.verify(denied.accessToken, f.clock.now());
    if (!claims.ok) throw new Error('bad fake token');
    await f.denylist.deny(claims.value.jti, claims.value.expiresAt);
    expect(await f.authenticate.execute(denied.accessToken)).toEqual({ ok: false, error: 'GLOBAL_401' });

    const revoked = await f.session(u.email);
    await f.store.revoke(revoked.familyId);
    expect(await f.authenticate.execute(revoked.accessToken)).toEqual({ ok: false, error: 'GLOBAL_401' });

    const live = await f.session(u.email);
    expect((await f.authenticate.execute(live.accessToken)).ok).toBe(true);
    await f.users.update({ ...u, status: 'INACTIVE' });
    expect(await f.authenticate.execute(live.accessToken)).toEqual({ ok: false, error: 'GLOBAL_401' });
  });
});

describe('RenewAccessToken (sliding cookie)', () => {
  it('renews only within ACCESS_RENEW_BEFORE_S of expiry, for a live family, capped at its absolute expiry', async () => {
    const f = identityFixture({ accessRenewBeforeS: 600, refreshAbsoluteTtlS: 2400 });
    const u = await f.student();
    const s = await f.session(u.email);
    expect(await f.renew.execute(await f.principal(s.accessToken))).toBeNull();
    f.clock.advance(1_200_000);
    const due = await f.principal(s.accessToken);
    const renewed = await f.renew.execute(due);
    expect(renewed?.ttlS).toBe(1200);
    const fresh = await f.principal(renewed!.token);
    expect(fresh.familyId).toBe(s.familyId);
    expect(fresh.tokenExpiresAt!.getTime()).toBeGreaterThan(due.tokenExpiresAt!.getTime());
    expect(await f.renew.execute({ ...due, tokenExpiresAt: null })).toBeNull();
    await f.store.revoke(s.familyId);
    expect(await f.renew.execute(due)).toBeNull();
  });

  it('gives a full lifetime when the family lives long enough', async () => {
    const f = identityFixture({ accessRenewBeforeS: 600 });
    const u = await f.student();
    const s = await f.session(u.email);
    f.clock.advance(1_700_000);
    expect((await f.renew.execute(await f.principal(s.accessToken)))?.ttlS).toBe(1800);
  });
});

describe('LogOut', () => {
  it('revokes the family of a valid access token, denies that token and closes live sessions', async () => {
    const f = identityFixture();
    const u = await f.student();
    const s = await f.session(u.email);
    const other = await f.session(u.email);
    expect(await f.logOut.execute({ accessToken: s.accessToken })).toBe(true);
    expect((await f.store.get(s.familyId))?.revoked).toBe(true);
    expect(f.terminator.closedFamilies).toEqual([s.familyId]);
    expect(await f.authenticate.execute(s.accessToken)).toEqual({ ok: false, error: 'GLOBAL_401' });
    const claims = await f.tokens.verify(s.accessToken, f.clock.now());
    expect(claims.ok && (await f.denylist.isDenied(claims.value.jti))).toBe(true);
    expect(codeOf(await f.refresh.execute(s.refreshToken))).toBe('AUTH_402');
    // The other tab's family is left alone.
    expect((await f.authenticate.execute(other.accessToken)).ok).toBe(true);
    expect(await f.logOut.execute({ accessToken: s.accessToken, refreshToken: s.refreshToken })).toBe(false);
  });

  it('falls back to the refresh token when the access token is missing, expired or invalid', async () => {
    const f = identityFixture();
    const u = await f.student();
    const a = await f.session(u.email);
    expect(await f.logOut.execute({ refreshToken: a.refreshToken })).toBe(true);
    expect((await f.store.get(a.familyId))?.revoked).toBe(true);
    const b = await f.session(u.email);
    f.clock.advance(1_800_000);
    expect(await f.logOut.execute({ accessToken: b.accessToken, refreshToken: b.refreshToken })).toBe(true);
    expect((await f.store.get(b.familyId))?.revoked).toBe(true);
    const c = await f.session(u.email);
    expect(await f.logOut.execute({ accessToken: 'garbage', refreshToken: c.refreshToken })).toBe(true);
  });

  it('returns false when nothing identifies a live session', async () => {
    const f = identityFixture();
    expect(await f.logOut.execute({})).toBe(false);
    expect(await f.logOut.execute({ accessToken: 'garbage', refreshToken: 'unknown-token-unknown-token' })).toBe(false);
    expect(await f.logOut.execute({ refreshToken: 'x'.repeat(5000) })).toBe(false);
    expect(f.terminator.closedFamilies).toEqual([]);
  });
});
