import { describe, expect, it } from 'vitest';
import { UserMother } from '@sooscode/domain/testing';
import { bcryptHash } from '../../../adapters/test/identity/token-tools';
import { claimsOf, cookieValue, createUser, expectError, expectSuccess, setCookies, uniqueEmail, usersOf, type SharedServer } from './identity-support';

const DEFAULT_IMAGE = 'https://sooscode-s3file.s3.ap-northeast-2.amazonaws.com/profile.png';

/** `POST /api/auth/login` (http.md §2) on the shared default server. */
export function loginSuite(shared: SharedServer): void {
  describe('POST /api/auth/login', () => {
    const login = (body: unknown, headers?: Record<string, string>) => shared.client().json('POST', '/api/auth/login', { body, headers });

    it('checks every input rule in contract order, then the account and the password', async () => {
      const user = await createUser(shared.server);
      const cases: [Record<string, unknown>, string][] = [
        [{}, 'VALID_USR_005'],
        [{ email: '  ', password: 'x' }, 'VALID_USR_005'],
        [{ email: 'a@b', password: 'x' }, 'VALID_USR_007'],
        [{ email: `${'a'.repeat(45)}@ex.com` }, 'VALID_USR_008'],
        [{ email: 'no-at-sign.com' }, 'VALID_USR_006'],
        [{ email: user.email }, 'VALID_USR_009'],
        [{ email: user.email, password: '' }, 'VALID_USR_009'],
        [{ email: user.email, password: '1234567' }, 'VALID_USR_010'],
        [{ email: user.email, password: '12345678901234567' }, 'VALID_USR_011'],
        [{ email: uniqueEmail('ghost'), password: 'Passw0rd!' }, 'AUTH_101'],
        [{ email: user.email, password: 'Wrong000!' }, 'AUTH_201'],
      ];
      for (const [body, code] of cases) {
        const r = await login(body);
        expectError(r, code);
        expect(r.res.headers.getSetCookie()).toEqual([]);
      }
    });

    it('answers AUTH_103 for an inactive account only after a correct password, never 500', async () => {
      const gone = await usersOf(shared.server).create(UserMother.student({ email: uniqueEmail('gone'), passwordHash: bcryptHash('Passw0rd!', 'b'), status: 'INACTIVE' }));
      expectError(await login({ email: gone.email, password: 'Wrong000!' }), 'AUTH_201');
      expectError(await login({ email: gone.email, password: 'Passw0rd!' }), 'AUTH_103');
    });

    it('answers 200 AUTH_000 with the user data and both cookies exactly as §1.7, and stamps lastLoginAt', async () => {
      const user = await createUser(shared.server);
      const before = Date.now();
      const r = await login({ email: `  ${user.email.toUpperCase()}  `, password: 'Passw0rd!' });
      const after = Date.now();
      expect(r.body).toEqual({
        success: true, status: 200, code: 'AUTH_000', message: '로그인 성공',
        data: { email: user.email, name: '김수스', role: 'STUDENT', profileImage: DEFAULT_IMAGE },
      });
      const cookies = setCookies(r.res);
      expect([...cookies.keys()].sort()).toEqual(['accessToken', 'refreshToken']);
      const date = Date.parse(r.res.headers.get('date')!);
      for (const [name, maxAge] of [['accessToken', 1800], ['refreshToken', 604800]] as const) {
        const m = new RegExp(`^${name}=([A-Za-z0-9._-]+); Max-Age=${maxAge}; Expires=([^;]+ GMT); Path=/; HttpOnly; SameSite=Lax$`).exec(cookies.get(name)!);
        expect(m, cookies.get(name)).not.toBeNull();
        const lead = (Date.parse(m![2]!) - date) / 1000;
        expect(lead).toBeGreaterThanOrEqual(maxAge - 1);
        expect(lead).toBeLessThanOrEqual(maxAge + 1);
      }
      expect(cookieValue(r.res, 'refreshToken')!.length).toBeGreaterThanOrEqual(43);
      const claims = claimsOf(cookieValue(r.res, 'accessToken')!);
      expect(claims).toMatchObject({ iss: 'sooscode-api', aud: 'sooscode-api', sub: String(user.id), email: user.email, role: 'STUDENT' });
      expect(claims.exp).toBe((claims.iat as number) + 1800);
      const stored = await usersOf(shared.server).findById(user.id);
      expect(stored!.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(stored!.lastLoginAt!.getTime()).toBeLessThanOrEqual(after + 1);
    });

    it('starts a new session family on each login and leaves the older ones alone', async () => {
      const user = await createUser(shared.server);
      const a = shared.client();
      const b = shared.client();
      await a.login(user.email, 'Passw0rd!');
      await b.login(user.email, 'Passw0rd!');
      expect(claimsOf(a.cookies.get('accessToken')!).sid).not.toBe(claimsOf(b.cookies.get('accessToken')!).sid);
      expectSuccess(await a.json('GET', '/api/me'), 'AUTH_006');
      expectSuccess(await b.json('GET', '/api/me'), 'AUTH_006');
    });

    it('ignores a stale or invalid access token in the cookie or the header', async () => {
      const user = await createUser(shared.server);
      const r = await login({ email: user.email, password: 'Passw0rd!' }, { authorization: 'Bearer not-a-jwt', cookie: 'accessToken=garbage; refreshToken=garbage' });
      expectSuccess(r, 'AUTH_000');
    });

    it('accepts legacy bcrypt $2a$ and $2b$ hashes and re-hashes them to argon2id', async () => {
      const users = usersOf(shared.server);
      const a = await users.create(UserMother.student({ email: uniqueEmail('legacy-a'), passwordHash: bcryptHash('Legacy123', 'a') }));
      const b = await users.create(UserMother.student({ email: uniqueEmail('legacy-b'), passwordHash: bcryptHash('Legacy123', 'b') }));
      expect(a.passwordHash.startsWith('$2a$')).toBe(true);
      expect(b.passwordHash.startsWith('$2b$')).toBe(true);
      for (const u of [a, b]) {
        expectError(await login({ email: u.email, password: 'Legacy124' }), 'AUTH_201');
        expect((await users.findById(u.id))!.passwordHash).toBe(u.passwordHash);
        expectSuccess(await login({ email: u.email, password: 'Legacy123' }), 'AUTH_000');
        expect((await users.findById(u.id))!.passwordHash).toMatch(/^\$argon2id\$/);
        expectSuccess(await login({ email: u.email, password: 'Legacy123' }), 'AUTH_000');
      }
    });

    it('answers malformed bodies with 400/413/415/GLOBAL_410, never 500', async () => {
      const raw = (body: string, type = 'application/json') => shared.client().json('POST', '/api/auth/login', { raw: body, headers: { 'content-type': type } });
      expectError(await raw('{"email":'), 'GLOBAL_400');
      expectError(await raw(''), 'GLOBAL_400');
      expectError(await raw('"just a string"'), 'GLOBAL_400');
      expectError(await raw('null'), 'GLOBAL_400');
      expectError(await raw('{"email":"a@b.com"}', 'text/plain'), 'GLOBAL_415');
      expectError(await raw('email=a', 'application/x-www-form-urlencoded'), 'GLOBAL_415');
      expectError(await raw(JSON.stringify({ email: 'x'.repeat(1024 * 1024) })), 'GLOBAL_413');
      expectError(await raw('{"email":{}}'), 'GLOBAL_410', 'email: 형식이 올바르지 않습니다');
      expectError(await raw('{"email":"a@b.com","password":["Passw0rd!"]}'), 'GLOBAL_410', 'password: 형식이 올바르지 않습니다');
      expectError(await raw('{"email":null,"password":null}'), 'VALID_USR_005');
      expectError(await raw('{"email":12345,"password":12345678}'), 'VALID_USR_006');
      expectError(await raw('{"email":"a@b.com","password":"Passw0rd!"}', 'application/vnd.api+json; charset=utf-8'), 'AUTH_101');
    });
  });
}

/**
 * Cookies on a server with COOKIE_SECURE=true and non-default lifetimes (JWT_ACCESS_TTL_S=900,
 * REFRESH_TTL_S=3600, REFRESH_ABSOLUTE_TTL_S=1200, ACCESS_RENEW_BEFORE_S=600).
 */
export function secureCookieSuite(shared: SharedServer): void {
  describe('cookies with COOKIE_SECURE=true and configured lifetimes', () => {
    it('adds Secure to both cookies and uses the configured lifetimes as Max-Age', async () => {
      const http = shared.client();
      const r = await http.json('POST', '/api/auth/login', { body: { email: 'admin@test.local', password: 'Admin1234!' } });
      expectSuccess(r, 'AUTH_000');
      const cookies = setCookies(r.res);
      expect(cookies.get('accessToken')).toMatch(/^accessToken=[^;]+; Max-Age=900; Expires=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
      expect(cookies.get('refreshToken')).toMatch(/^refreshToken=[^;]+; Max-Age=3600; Expires=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
      const out = await http.json('POST', '/api/auth/logout', { body: {} });
      expectSuccess(out, 'AUTH_001');
      expect(out.res.headers.getSetCookie().every((c) => c.endsWith('; Secure'))).toBe(true);
    });

    it('never lets a renewed access cookie outlive its session family', async () => {
      const http = shared.client();
      await http.login('admin@test.local', 'Admin1234!');
      const token = http.cookies.get('accessToken')!;
      shared.clock.advance(700_000);
      const renewed = await http.json('GET', '/api/me');
      expectSuccess(renewed, 'AUTH_006');
      // The family ends 1200 s after login, about 500 s from now: Max-Age is capped there, not 900.
      const m = /^accessToken=([^;]+); Max-Age=(\d+); Expires=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure$/.exec(setCookies(renewed.res).get('accessToken') ?? '');
      expect(m?.[1]).not.toBe(token);
      expect(Number(m?.[2])).toBeGreaterThanOrEqual(495);
      expect(Number(m?.[2])).toBeLessThanOrEqual(500);
      expect(cookieValue(renewed.res, 'refreshToken')).toBeUndefined();
    });
  });
}
