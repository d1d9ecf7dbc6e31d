import { describe, expect, it } from 'vitest';
import { UserMother } from '@sooscode/domain/testing';
import type { HttpClient } from '../support/test-server';
import { createUser, expectCookiesCleared, expectError, expectSuccess, uniqueEmail, usersOf, type SharedServer } from './identity-support';

/**
 * Registration and the account part of my page (http.md §2, §7) on the shared default server
 * (LOGIN_MAX_FAILURES_PER_ACCOUNT=3).
 */
export function accountSuite(shared: SharedServer): void {
  async function loggedIn(email: string, password = 'Passw0rd!'): Promise<HttpClient> {
    const http = shared.client();
    await http.login(email, password);
    return http;
}

describe('POST /api/auth/register', () => {
  const register = (body: unknown, headers?: Record<string, string>) => shared.client().json('POST', '/api/auth/register', { body, headers });
  const valid = () => ({ email: uniqueEmail('reg'), name: '김수스', password: 'abc12345', confirmPassword: 'abc12345' });

  it('answers 201 AUTH_002 without cookies and stores a LOCAL / STUDENT / ACTIVE account with the trimmed name', async () => {
    const input = valid();
    const r = await register({ ...input, email: `  ${input.email.toUpperCase()} `, name: '  김수스  ' }, { cookie: 'accessToken=stale', authorization: 'Bearer stale' });
    expect(r.body).toEqual({ success: true, status: 201, code: 'AUTH_002', message: '회원가입 성공', data: { email: input.email, name: '김수스', role: 'STUDENT' } });
    expect(r.res.headers.getSetCookie()).toEqual([]);
    expect(await usersOf(shared.server).findByEmail(input.email)).toMatchObject({ name: '김수스', role: 'STUDENT', status: 'ACTIVE', provider: 'LOCAL', lastLoginAt: null });
    expect((await usersOf(shared.server).findByEmail(input.email))!.passwordHash).toMatch(/^\$argon2id\$/);
    expectSuccess(await shared.client().json('POST', '/api/auth/login', { body: { email: input.email, password: 'abc12345' } }), 'AUTH_000');
  });

  it('answers AUTH_102 for a taken email and AUTH_103 for an inactive account’s, compared case-insensitively', async () => {
    const taken = valid();
    await register(taken);
    expectError(await register({ ...valid(), email: taken.email.toUpperCase() }), 'AUTH_102');
    expectError(await register({ email: ` ${taken.email} ` }), 'AUTH_102');
    const gone = await usersOf(shared.server).create(UserMother.student({ email: uniqueEmail('gone'), status: 'INACTIVE' }));
    expectError(await register({ ...valid(), email: gone.email.toUpperCase() }), 'AUTH_103');
  });

  it('checks every rule in contract order', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: '  ', name: undefined }, 'VALID_USR_002'],
      [{ name: '   ' }, 'VALID_USR_002'],
      [{ name: ' 김 ' }, 'VALID_USR_003'],
      [{ name: '가'.repeat(17) }, 'VALID_USR_004'],
      [{ email: undefined }, 'VALID_USR_005'],
      [{ email: 'a@b' }, 'VALID_USR_007'],
      [{ email: `${'a'.repeat(45)}@ex.com` }, 'VALID_USR_008'],
      [{ email: 'no-at-sign.com' }, 'VALID_USR_006'],
      [{ password: undefined }, 'VALID_USR_009'],
      [{ password: '' }, 'VALID_USR_009'],
      [{ password: 'ab12' }, 'VALID_USR_010'],
      [{ password: 'abcd1234abcd12345' }, 'VALID_USR_011'],
      [{ password: 'abcdefgh' }, 'VALID_USR_012'],
      [{ password: '12345678' }, 'VALID_USR_012'],
      [{ password: 'abc 12345' }, 'VALID_USR_012'],
      [{ confirmPassword: undefined }, 'VALID_USR_009'],
      [{ confirmPassword: 'abc12346' }, 'VALID_USR_013'],
      [{ name: {} }, 'GLOBAL_410'],
    ];
    for (const [patch, code] of cases) {
      const r = await register({ ...valid(), ...patch });
      expect(r.body.code, JSON.stringify(patch)).toBe(code);
      expectError(r, code, code === 'GLOBAL_410' ? 'name: 형식이 올바르지 않습니다' : undefined);
    }
  });
});

describe('POST /api/mypage/password/update', () => {
  const change = (http: HttpClient, body: unknown) => http.json('POST', '/api/mypage/password/update', { body });

  it('needs a session and checks the current password, sameness, then the new-password rules', async () => {
    expectError(await change(shared.client(), { currentPassword: 'Passw0rd!', newPassword: 'newPass12', confirmPassword: 'newPass12' }), 'GLOBAL_401');
    const user = await createUser(shared.server);
    const http = await loggedIn(user.email);
    const cases: [Record<string, unknown>, string][] = [
      [{ currentPassword: 'Wrong000!', newPassword: 'newPass12', confirmPassword: 'newPass12' }, 'AUTH_601'],
      [{ currentPassword: 'Passw0rd!', newPassword: 'Passw0rd!', confirmPassword: 'Passw0rd!' }, 'AUTH_602'],
      [{ currentPassword: 'Passw0rd!' }, 'VALID_USR_009'],
      [{ currentPassword: 'Passw0rd!', newPassword: 'ab1' }, 'VALID_USR_010'],
      [{ currentPassword: 'Passw0rd!', newPassword: 'abcd1234abcd12345' }, 'VALID_USR_011'],
      [{ currentPassword: 'Passw0rd!', newPassword: 'abcdefghij' }, 'VALID_USR_012'],
      [{ currentPassword: 'Passw0rd!', newPassword: 'newPass12' }, 'VALID_USR_009'],
      [{ currentPassword: 'Passw0rd!', newPassword: 'newPass12', confirmPassword: 'newPass13' }, 'VALID_USR_013'],
    ];
    for (const [body, code] of cases) expectError(await change(http, body), code);
    expectError(await change(http, { currentPassword: ['Passw0rd!'] }), 'GLOBAL_410', 'currentPassword: 형식이 올바르지 않습니다');
  });

  it('counts a wrong current password toward the login lockout', async () => {
    const user = await createUser(shared.server);
    const http = await loggedIn(user.email);
    for (let i = 0; i < 3; i++) expectError(await change(http, { currentPassword: 'Wrong000!', newPassword: 'newPass12', confirmPassword: 'newPass12' }), 'AUTH_601');
    expectError(await shared.client().json('POST', '/api/auth/login', { body: { email: user.email, password: 'Passw0rd!' } }), 'AUTH_204');
  });

  it('stores the new password, revokes the other families and keeps the caller’s', async () => {
    const user = await createUser(shared.server);
    const mine = await loggedIn(user.email);
    const otherTab = await loggedIn(user.email);
    const r = await change(mine, { currentPassword: 'Passw0rd!', newPassword: 'newPass12', confirmPassword: 'newPass12' });
    expect(r.body).toEqual({ success: true, status: 200, code: 'GLOBAL_000', message: '요청이 성공적으로 처리되었습니다' });
    expectSuccess(await mine.json('GET', '/api/me'), 'AUTH_006');
    expectSuccess(await mine.json('POST', '/api/auth/refresh'), 'AUTH_005');
    expectError(await otherTab.json('GET', '/api/me'), 'GLOBAL_401');
    expectError(await otherTab.json('POST', '/api/auth/refresh'), 'AUTH_402');
    const login = (password: string) => shared.client().json('POST', '/api/auth/login', { body: { email: user.email, password } });
    expectError(await login('Passw0rd!'), 'AUTH_201');
    expectSuccess(await login('newPass12'), 'AUTH_000');
  });
});

describe('POST /api/mypage/profile/update', () => {
  it('stores the trimmed name, answers it, and checks the name rules', async () => {
    const user = await createUser(shared.server);
    const http = await loggedIn(user.email);
    const update = (body: unknown) => http.json('POST', '/api/mypage/profile/update', { body });
    expect((await update({ name: '  새 이름  ' })).body).toEqual({ success: true, status: 200, code: 'GLOBAL_000', message: '요청이 성공적으로 처리되었습니다', data: { name: '새 이름' } });
    expect(expectSuccess(await http.json('GET', '/api/me'), 'AUTH_006')).toMatchObject({ name: '새 이름' });
    expect(expectSuccess(await update({}), 'GLOBAL_000')).toEqual({ name: '새 이름' });
    expectError(await update({ name: '  ' }), 'VALID_USR_002');
    expectError(await update({ name: '김' }), 'VALID_USR_003');
    expectError(await update({ name: '가'.repeat(17) }), 'VALID_USR_004');
    expectError(await update({ name: { first: '김' } }), 'GLOBAL_410', 'name: 형식이 올바르지 않습니다');
    expectError(await http.json('POST', '/api/mypage/profile/update', { raw: '{"name":', headers: { 'content-type': 'application/json' } }), 'GLOBAL_400');
    expectError(await shared.client().json('POST', '/api/mypage/profile/update', { body: { name: '누구' } }), 'GLOBAL_401');
    expect((await usersOf(shared.server).findById(user.id))!.name).toBe('새 이름');
  });
});

describe('POST /api/mypage/delete', () => {
  it('soft-deletes: INACTIVE, every session ended, cookies cleared, the email blocked with AUTH_103', async () => {
    const user = await createUser(shared.server);
    const http = await loggedIn(user.email);
    const otherTab = await loggedIn(user.email);
    const r = await http.json('POST', '/api/mypage/delete');
    expect(r.body).toEqual({ success: true, status: 200, code: 'GLOBAL_000', message: '요청이 성공적으로 처리되었습니다' });
    expectCookiesCleared(r.res);
    expect(await usersOf(shared.server).findById(user.id)).toMatchObject({ status: 'INACTIVE', email: user.email });
    expectError(await otherTab.json('GET', '/api/me'), 'GLOBAL_401');
    expectError(await otherTab.json('POST', '/api/auth/refresh'), 'AUTH_402');
    const anon = shared.client();
    expectError(await anon.json('POST', '/api/auth/login', { body: { email: user.email, password: 'Passw0rd!' } }), 'AUTH_103');
    expectError(await anon.json('POST', '/api/auth/register', { body: { email: user.email, name: '김수스', password: 'abc12345', confirmPassword: 'abc12345' } }), 'AUTH_103');
    expectError(await anon.json('POST', '/api/mypage/delete'), 'GLOBAL_401');
  });
});
}
