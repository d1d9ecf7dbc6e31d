import { describe, expect, it } from 'vitest';
import { UserMother } from '@sooscode/domain/testing';
import { codeOf, identityFixture } from './identity-fixture';

describe('LogIn', () => {
  it('checks the email rules, then the password length, in contract order', async () => {
    const f = identityFixture();
    const cases: [string | undefined, string | undefined, string][] = [
      [undefined, undefined, 'VALID_USR_005'],
      ['   ', 'Passw0rd!', 'VALID_USR_005'],
      ['a@b', 'x', 'VALID_USR_007'],
      [`${'a'.repeat(45)}@ex.com`, 'Passw0rd!', 'VALID_USR_008'],
      ['not-an-email', 'Passw0rd!', 'VALID_USR_006'],
      ['kim @x.com', 'Passw0rd!', 'VALID_USR_006'],
      ['kim@example.com', undefined, 'VALID_USR_009'],
      ['kim@example.com', '', 'VALID_USR_009'],
      ['kim@example.com', '1234567', 'VALID_USR_010'],
      ['kim@example.com', '12345678901234567', 'VALID_USR_011'],
      ['kim@example.com', '12345678', 'AUTH_101'],
    ];
    for (const [email, password, code] of cases) {
      expect(codeOf(await f.logIn.execute({ email, password, clientIp: '1.1.1.1' })), `${email} / ${password}`).toBe(code);
    }
  });

  it('answers AUTH_101 for an unknown email, AUTH_201 for a wrong password', async () => {
    const f = identityFixture();
    const u = await f.student();
    expect(codeOf(await f.logIn.execute({ email: 'nobody@example.com', password: 'Passw0rd!', clientIp: 'ip' }))).toBe('AUTH_101');
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Wrong000!', clientIp: 'ip' }))).toBe('AUTH_201');
  });

  it('answers AUTH_103 for an inactive account only after a correct password', async () => {
    const f = identityFixture();
    const u = await f.users.create(UserMother.student({ status: 'INACTIVE' }));
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Wrong000!', clientIp: 'ip' }))).toBe('AUTH_201');
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Passw0rd!', clientIp: 'ip' }))).toBe('AUTH_103');
    expect(await f.store.revokeAllForUser(u.id)).toEqual([]);
  });

  it('finds the account case-insensitively, stamps lastLoginAt and starts a new family per login', async () => {
    const f = identityFixture();
    const u = await f.student();
    const r = await f.logIn.execute({ email: `  ${u.email.toUpperCase()} `, password: 'Passw0rd!', clientIp: 'ip' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.user.lastLoginAt).toEqual(f.clock.now());
    expect((await f.users.findById(u.id))?.lastLoginAt).toEqual(f.clock.now());
    expect(r.value.session).toMatchObject({ accessTtlS: 1800, refreshTtlS: f.policy.refreshTtlS });
    const family = await f.store.get(r.value.session.familyId);
    expect(family).toMatchObject({ userId: u.id, seq: 1, revoked: false });
    expect(family?.absoluteExpiresAt.getTime()).toBe(f.clock.now().getTime() + f.policy.refreshAbsoluteTtlS * 1000);

    const second = await f.session(u.email);
    expect(second.familyId).not.toBe(r.value.session.familyId);
    expect((await f.store.get(r.value.session.familyId))?.revoked).toBe(false);
    expect((await f.principal(r.value.session.accessToken)).userId).toBe(u.id);
  });

  it('upgrades a weaker hash on success and keeps a current one', async () => {
    const f = identityFixture();
    const legacy = await f.users.create(UserMother.student({ passwordHash: 'legacy:Passw0rd!' }));
    await f.session(legacy.email);
    expect((await f.users.findById(legacy.id))?.passwordHash).toBe('plain:Passw0rd!');
    await f.session(legacy.email);
    expect((await f.users.findById(legacy.id))?.passwordHash).toBe('plain:Passw0rd!');
  });

  it('locks an account after the configured failures, for unknown emails too, with the same answer', async () => {
    const f = identityFixture({ loginMaxFailuresPerAccount: 3, loginLockWindowS: 900 });
    const u = await f.student();
    for (const email of [u.email, 'ghost@example.com']) {
      for (let i = 0; i < 3; i++) await f.logIn.execute({ email, password: 'Wrong000!', clientIp: `ip-${i}` });
      const locked = await f.logIn.execute({ email, password: 'Passw0rd!', clientIp: 'fresh-ip' });
      expect(locked).toEqual({ ok: false, error: { code: 'AUTH_204', retryAfterS: 900 } });
    }
    // The lock is per account, compared case-insensitively; other accounts are unaffected.
    expect(codeOf(await f.logIn.execute({ email: u.email.toUpperCase(), password: 'Passw0rd!', clientIp: 'x' }))).toBe('AUTH_204');
    const other = await f.student();
    expect(codeOf(await f.logIn.execute({ email: other.email, password: 'Passw0rd!', clientIp: 'ip-0' }))).toBe('ok');
    f.clock.advance(899_000);
    expect(await f.logIn.execute({ email: u.email, password: 'Passw0rd!', clientIp: 'x' })).toMatchObject({ error: { retryAfterS: 1 } });
    f.clock.advance(1000);
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Passw0rd!', clientIp: 'x' }))).toBe('ok');
  });

  it('clears the account counter on success', async () => {
    const f = identityFixture({ loginMaxFailuresPerAccount: 3 });
    const u = await f.student();
    const fail = () => f.logIn.execute({ email: u.email, password: 'Wrong000!', clientIp: 'ip' });
    await fail();
    await fail();
    await f.session(u.email);
    await fail();
    await fail();
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Passw0rd!', clientIp: 'ip' }))).toBe('ok');
    await fail();
    await fail();
    await fail();
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Passw0rd!', clientIp: 'ip' }))).toBe('AUTH_204');
  });

  it('locks a client address after the configured failures across accounts', async () => {
    const f = identityFixture({ loginMaxFailuresPerIp: 4, loginMaxFailuresPerAccount: 100 });
    const u = await f.student();
    for (let i = 0; i < 4; i++) await f.logIn.execute({ email: `ghost${i}@example.com`, password: 'Wrong000!', clientIp: '6.6.6.6' });
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Passw0rd!', clientIp: '6.6.6.6' }))).toBe('AUTH_204');
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Passw0rd!', clientIp: '7.7.7.7' }))).toBe('ok');
  });
});
