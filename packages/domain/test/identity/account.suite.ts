import { describe, expect, it } from 'vitest';
import { UserMother } from '@sooscode/domain/testing';
import { codeOf, identityFixture } from './identity-fixture';

describe('ChangePassword', () => {
  it('checks the current password, then sameness, then the new-password and confirmation rules', async () => {
    const f = identityFixture();
    const u = await f.student('Passw0rd!');
    const me = await f.principal((await f.session(u.email)).accessToken);
    const change = (currentPassword: string | undefined, newPassword?: string, confirmPassword?: string) =>
      f.changePassword.execute(me, { currentPassword, newPassword, confirmPassword, clientIp: 'ip' });
    expect(codeOf(await change('Wrong000!', 'bad', 'x'))).toBe('AUTH_601');
    expect(codeOf(await change(undefined, 'newPass1', 'newPass1'))).toBe('AUTH_601');
    expect(codeOf(await change('Passw0rd!', 'Passw0rd!', 'Passw0rd!'))).toBe('AUTH_602');
    expect(codeOf(await change('Passw0rd!', undefined))).toBe('VALID_USR_009');
    expect(codeOf(await change('Passw0rd!', 'ab1'))).toBe('VALID_USR_010');
    expect(codeOf(await change('Passw0rd!', 'abcdefgh12345678x'))).toBe('VALID_USR_011');
    expect(codeOf(await change('Passw0rd!', 'abcdefgh', 'abcdefgh'))).toBe('VALID_USR_012');
    expect(codeOf(await change('Passw0rd!', 'newPass1'))).toBe('VALID_USR_009');
    expect(codeOf(await change('Passw0rd!', 'newPass1', 'newPass2'))).toBe('VALID_USR_013');
    expect((await f.users.findById(u.id))?.passwordHash).toBe('plain:Passw0rd!');
  });

  it('counts a wrong current password toward the login lockout', async () => {
    const f = identityFixture({ loginMaxFailuresPerAccount: 3 });
    const u = await f.student();
    const me = await f.principal((await f.session(u.email)).accessToken);
    for (let i = 0; i < 3; i++) await f.changePassword.execute(me, { currentPassword: 'Wrong000!', clientIp: 'ip' });
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Passw0rd!', clientIp: 'other-ip' }))).toBe('AUTH_204');
  });

  it('stores the new hash, revokes every other family and keeps the caller’s', async () => {
    const f = identityFixture();
    const u = await f.student();
    const mine = await f.session(u.email);
    const tabA = await f.session(u.email);
    const tabB = await f.session(u.email);
    const stranger = await f.student();
    const theirs = await f.session(stranger.email);
    const r = await f.changePassword.execute(await f.principal(mine.accessToken), {
      currentPassword: 'Passw0rd!', newPassword: 'newPass12', confirmPassword: 'newPass12', clientIp: 'ip',
    });
    expect(codeOf(r)).toBe('ok');
    expect((await f.users.findById(u.id))?.passwordHash).toBe('plain:newPass12');
    expect(f.terminator.closedFamilies.sort()).toEqual([tabA.familyId, tabB.familyId].sort());
    expect((await f.authenticate.execute(mine.accessToken)).ok).toBe(true);
    expect(codeOf(await f.refresh.execute(mine.refreshToken))).toBe('ok');
    for (const s of [tabA, tabB]) {
      expect(await f.authenticate.execute(s.accessToken)).toEqual({ ok: false, error: 'GLOBAL_401' });
      expect(codeOf(await f.refresh.execute(s.refreshToken))).toBe('AUTH_402');
    }
    expect((await f.authenticate.execute(theirs.accessToken)).ok).toBe(true);
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Passw0rd!', clientIp: 'ip' }))).toBe('AUTH_201');
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'newPass12', clientIp: 'ip' }))).toBe('ok');
  });
});

describe('UpdateProfile', () => {
  it('validates and stores the trimmed name; an absent name changes nothing', async () => {
    const f = identityFixture();
    const u = await f.student();
    expect(await f.updateProfile.execute(u.id, { name: '  새 이름  ' })).toEqual({ ok: true, value: { name: '새 이름' } });
    expect((await f.users.findById(u.id))?.name).toBe('새 이름');
    expect(await f.updateProfile.execute(u.id, {})).toEqual({ ok: true, value: { name: '새 이름' } });
    for (const [name, code] of [['  ', 'VALID_USR_002'], [' 김 ', 'VALID_USR_003'], ['가'.repeat(17), 'VALID_USR_004']] as const) {
      expect(codeOf(await f.updateProfile.execute(u.id, { name })), name).toBe(code);
    }
    expect(codeOf(await f.updateProfile.execute(u.id, { name: '😀😀' }))).toBe('ok');
    expect((await f.users.findById(u.id))?.name).toBe('😀😀');
  });
});

describe('EndUserAccess', () => {
  it('deactivates, revokes every family and closes the user’s live sessions', async () => {
    const f = identityFixture();
    const u = await f.student();
    const a = await f.session(u.email);
    const b = await f.session(u.email);
    expect(await f.endUserAccess.execute(u.id)).toBe(true);
    expect((await f.users.findById(u.id))?.status).toBe('INACTIVE');
    expect(f.terminator.closedUsers).toEqual([u.id]);
    for (const s of [a, b]) {
      expect((await f.store.get(s.familyId))?.revoked).toBe(true);
      expect(await f.authenticate.execute(s.accessToken)).toEqual({ ok: false, error: 'GLOBAL_401' });
    }
    expect(codeOf(await f.logIn.execute({ email: u.email, password: 'Passw0rd!', clientIp: 'ip' }))).toBe('AUTH_103');
    expect(codeOf(await f.register.execute({ email: u.email }))).toBe('AUTH_103');
    expect(await f.endUserAccess.execute(999)).toBe(false);
  });
});

describe('EnsureBootstrapAdmin', () => {
  it('creates the admin once, and never over a taken email', async () => {
    const f = identityFixture();
    const taken = await f.users.create(UserMother.student());
    expect(await f.ensureBootstrapAdmin.execute({ email: taken.email, password: 'Admin1234!' })).toBe('email-taken');
    expect(await f.ensureBootstrapAdmin.execute({ email: ' Admin@Example.com ', password: 'Admin1234!' })).toBe('created');
    expect(await f.users.findByEmail('admin@example.com')).toMatchObject({ role: 'ADMIN', status: 'ACTIVE', passwordHash: 'plain:Admin1234!' });
    expect(await f.ensureBootstrapAdmin.execute({ email: 'second@example.com', password: 'Admin1234!' })).toBe('exists');
  });
});
