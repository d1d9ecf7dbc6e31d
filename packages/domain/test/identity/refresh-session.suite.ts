import { describe, expect, it } from 'vitest';
import { codeOf, identityFixture, type IdentityFixture } from './identity-fixture';

async function loggedIn(f: IdentityFixture) {
  const user = await f.student();
  return { user, session: await f.session(user.email) };
}

describe('RefreshSession', () => {
  it('rotates: a new refresh token and a fresh access token for the same family', async () => {
    const f = identityFixture();
    const { session } = await loggedIn(f);
    f.clock.advance(5000);
    const r = await f.refresh.execute(session.refreshToken);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.familyId).toBe(session.familyId);
    expect(r.value.refreshToken).not.toBe(session.refreshToken);
    expect(r.value.accessToken).not.toBe(session.accessToken);
    expect(r.value.refreshTtlS).toBe(f.policy.refreshTtlS);
    expect((await f.store.get(session.familyId))?.seq).toBe(2);
    const again = await f.refresh.execute(r.value.refreshToken);
    expect(again.ok && again.value.refreshToken).not.toBe(r.value.refreshToken);
  });

  it('re-sends the current token to the immediate predecessor inside the grace window', async () => {
    const f = identityFixture({ refreshReuseGraceS: 30 });
    const { session } = await loggedIn(f);
    const rotated = await f.refresh.execute(session.refreshToken);
    f.clock.advance(29_999);
    const grace = await f.refresh.execute(session.refreshToken);
    expect(grace.ok && rotated.ok && grace.value.refreshToken === rotated.value.refreshToken).toBe(true);
    expect(grace.ok && rotated.ok && grace.value.accessToken !== rotated.value.accessToken).toBe(true);
    expect((await f.store.get(session.familyId))?.seq).toBe(2);
  });

  it('revokes the whole family when the predecessor comes back after the grace window', async () => {
    const f = identityFixture({ refreshReuseGraceS: 30 });
    const { session } = await loggedIn(f);
    const rotated = await f.refresh.execute(session.refreshToken);
    if (!rotated.ok) throw new Error('rotation failed');
    f.clock.advance(30_000);
    expect(codeOf(await f.refresh.execute(session.refreshToken))).toBe('AUTH_404');
    expect((await f.store.get(session.familyId))?.revoked).toBe(true);
    expect(f.terminator.closedFamilies).toEqual([session.familyId]);
    expect(codeOf(await f.refresh.execute(rotated.value.refreshToken))).toBe('AUTH_402');
    expect(await f.authenticate.execute(rotated.value.accessToken)).toEqual({ ok: false, error: 'GLOBAL_401' });
  });

  it('treats an older superseded token as reuse even inside the grace window', async () => {
    const f = identityFixture();
    const { session } = await loggedIn(f);
    const second = await f.refresh.execute(session.refreshToken);
    if (!second.ok) throw new Error('rotation failed');
    await f.refresh.execute(second.value.refreshToken);
    expect(codeOf(await f.refresh.execute(session.refreshToken))).toBe('AUTH_404');
    expect((await f.store.get(session.familyId))?.revoked).toBe(true);
  });

  it('has no grace at all when REFRESH_REUSE_GRACE_S is 0', async () => {
    const f = identityFixture({ refreshReuseGraceS: 0 });
    const { session } = await loggedIn(f);
    await f.refresh.execute(session.refreshToken);
    expect(codeOf(await f.refresh.execute(session.refreshToken))).toBe('AUTH_404');
  });

  it('rotates exactly once when the same token is refreshed concurrently; the loser gets the grace answer', async () => {
    const f = identityFixture();
    const { session } = await loggedIn(f);
    const results = await Promise.all([f.refresh.execute(session.refreshToken), f.refresh.execute(session.refreshToken), f.refresh.execute(session.refreshToken)]);
    expect(results.map(codeOf)).toEqual(['ok', 'ok', 'ok']);
    const tokens = new Set(results.map((r) => (r.ok ? r.value.refreshToken : '')));
    expect(tokens.size).toBe(1);
    expect(tokens.has(session.refreshToken)).toBe(false);
    const family = await f.store.get(session.familyId);
    expect(family).toMatchObject({ seq: 2, revoked: false });
  });

  it('answers AUTH_402 for a missing, malformed, unknown or revoked token', async () => {
    const f = identityFixture();
    const { session } = await loggedIn(f);
    for (const token of [undefined, '', 'short', 'x'.repeat(201), 'bad token with spaces!!', 'A'.repeat(43)]) {
      expect(codeOf(await f.refresh.execute(token)), String(token)).toBe('AUTH_402');
    }
    await f.store.revoke(session.familyId);
    expect(codeOf(await f.refresh.execute(session.refreshToken))).toBe('AUTH_402');
  });

  it('answers AUTH_403 after the idle lifetime and after the absolute lifetime, then AUTH_402 once forgotten', async () => {
    const f = identityFixture({ refreshTtlS: 100, refreshAbsoluteTtlS: 150 });
    const idle = await loggedIn(f);
    f.clock.advance(100_000);
    expect(codeOf(await f.refresh.execute(idle.session.refreshToken))).toBe('AUTH_403');

    const absolute = await f.session(idle.user.email);
    f.clock.advance(90_000);
    const rotated = await f.refresh.execute(absolute.refreshToken);
    if (!rotated.ok) throw new Error('rotation failed');
    f.clock.advance(60_000);
    expect(codeOf(await f.refresh.execute(rotated.value.refreshToken))).toBe('AUTH_403');
    // Retained until absolute expiry + REFRESH_TTL_S, then unknown.
    f.clock.advance(100_000);
    expect(codeOf(await f.refresh.execute(rotated.value.refreshToken))).toBe('AUTH_402');
  });

  it('refuses the family of a deactivated user', async () => {
    const f = identityFixture();
    const { user, session } = await loggedIn(f);
    await f.users.update({ ...user, status: 'INACTIVE' });
    expect(codeOf(await f.refresh.execute(session.refreshToken))).toBe('AUTH_402');
  });
});
