import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@sooscode/domain';
import { HttpClient } from '../support/test-server';
import { claimsOf, cookieValue, createUser, expectCookiesCleared, expectError, expectSuccess, setCookies, type SharedServer } from './identity-support';

/**
 * Sessions over HTTP: me, refresh rotation and reuse, logout, and the client's start-up sequence.
 * The shared server runs on an OffsetClock, so expiry is reached by moving time, never by waiting.
 */
export function sessionSuite(shared: SharedServer): void {
  describe('sessions: me, refresh, logout', () => {
    let user: User;
    let server: { url: string };
    let clock: SharedServer['clock'];
    beforeAll(async () => {
      server = shared.server;
      clock = shared.clock;
      user = await createUser(shared.server);
    });

    async function loggedIn(): Promise<HttpClient> {
      const http = new HttpClient(server.url);
      await http.login(user.email, 'Passw0rd!');
      return http;
    }

    it('GET /api/me answers from the cookie and from a Bearer header with any scheme case', async () => {
      const http = await loggedIn();
      const me = { userId: user.id, email: user.email, name: '김수스', role: 'STUDENT', profileImage: 'https://sooscode-s3file.s3.ap-northeast-2.amazonaws.com/profile.png' };
      expect((await http.json('GET', '/api/me')).body).toEqual({ success: true, status: 200, code: 'AUTH_006', message: '내 정보 불러오기 성공', data: me });
      const token = http.cookies.get('accessToken')!;
      const anon = new HttpClient(server.url);
      for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
        expect(expectSuccess(await anon.json('GET', '/api/me', { headers: { authorization: `${scheme} ${token}` } }), 'AUTH_006')).toEqual(me);
      }
      expectError(await anon.json('GET', '/api/me'), 'GLOBAL_401');
    });

    it('takes the Bearer header as the only credential when present', async () => {
      const http = await loggedIn();
      expectError(await http.json('GET', '/api/me', { headers: { authorization: 'Bearer not-a-token' } }), 'GLOBAL_401');
      expectError(await http.json('GET', '/api/me', { headers: { authorization: 'Bearer ' } }), 'GLOBAL_401');
      // An empty or "null" cookie is skipped in favour of the next usable one.
      const token = http.cookies.get('accessToken')!;
      expectSuccess(await new HttpClient(server.url).json('GET', '/api/me', { headers: { cookie: `accessToken=; accessToken=null; accessToken=${token}` } }), 'AUTH_006');
    });

    it('refresh rotates both cookies; the old token inside the grace window gets the same current token', async () => {
      const http = await loggedIn();
      const first = http.cookies.get('refreshToken')!;
      const r = await http.json('POST', '/api/auth/refresh', { body: {} });
      expect(r.body).toEqual({ success: true, status: 200, code: 'AUTH_005', message: '액세스 토큰 재발급 성공' });
      const cookies = setCookies(r.res);
      expect(cookies.get('accessToken')).toMatch(/; Max-Age=1800; Expires=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
      expect(cookies.get('refreshToken')).toMatch(/; Max-Age=604800; Expires=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
      const second = cookieValue(r.res, 'refreshToken')!;
      expect(second).not.toBe(first);
      clock.advance(29_000);
      const otherTab = new HttpClient(server.url);
      otherTab.cookies.set('refreshToken', first);
      const grace = await otherTab.json('POST', '/api/auth/refresh');
      expectSuccess(grace, 'AUTH_005');
      expect(cookieValue(grace.res, 'refreshToken')).toBe(second);
      expectSuccess(await otherTab.json('GET', '/api/me'), 'AUTH_006');
      expectSuccess(await http.json('GET', '/api/me'), 'AUTH_006');
    });

    it('reuse outside the grace window revokes the whole family: AUTH_404, then its access token gets 401', async () => {
      const http = await loggedIn();
      const first = http.cookies.get('refreshToken')!;
      expectSuccess(await http.json('POST', '/api/auth/refresh'), 'AUTH_005');
      clock.advance(31_000);
      const thief = new HttpClient(server.url);
      thief.cookies.set('refreshToken', first);
      const reuse = await thief.json('POST', '/api/auth/refresh');
      expectError(reuse, 'AUTH_404');
      expectCookiesCleared(reuse.res);
      expectError(await http.json('GET', '/api/me'), 'GLOBAL_401');
      expectError(await http.json('POST', '/api/auth/refresh'), 'AUTH_402');
    });

    it('refresh failures: missing, unknown or malformed → AUTH_402, expired → AUTH_403, each clearing both cookies', async () => {
      const anon = new HttpClient(server.url);
      const attempts = [undefined, 'refreshToken=', 'refreshToken=null', 'refreshToken=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'refreshToken=not%20valid!', `refreshToken=${'x'.repeat(500)}`];
      for (const cookie of attempts) {
        const r = await anon.json('POST', '/api/auth/refresh', { headers: cookie ? { cookie } : {} });
        expectError(r, 'AUTH_402');
        expectCookiesCleared(r.res);
      }
      const http = await loggedIn();
      clock.advance(604_800_000);
      const expired = await http.json('POST', '/api/auth/refresh');
      expectError(expired, 'AUTH_403');
      expectCookiesCleared(expired.res);
    });

    it('public routes ignore a stale access token: refresh works with an expired cookie and a bad header', async () => {
      const http = await loggedIn();
      clock.advance(1_900_000);
      expectError(await http.json('GET', '/api/me'), 'AUTH_401');
      expectSuccess(await http.json('POST', '/api/auth/refresh', { headers: { authorization: 'Bearer garbage' } }), 'AUTH_005');
      expectSuccess(await http.json('GET', '/api/me'), 'AUTH_006');
    });

    it('the client start-up sequence me → refresh → me works from cookies alone', async () => {
      const http = await loggedIn();
      http.cookies.delete('accessToken');
      expectError(await http.json('GET', '/api/me'), 'GLOBAL_401');
      expectSuccess(await http.json('POST', '/api/auth/refresh'), 'AUTH_005');
      expect(expectSuccess(await http.json('GET', '/api/me'), 'AUTH_006')).toMatchObject({ userId: user.id });
    });

    it('logout revokes the family and clears both cookies; the old access token then gets 401', async () => {
      const http = await loggedIn();
      const other = await loggedIn();
      const token = http.cookies.get('accessToken')!;
      const refresh = http.cookies.get('refreshToken')!;
      const r = await http.json('POST', '/api/auth/logout', { body: {} });
      expect(r.body).toEqual({ success: true, status: 200, code: 'AUTH_001', message: '로그아웃 성공' });
      expectCookiesCleared(r.res);
      const anon = new HttpClient(server.url);
      expectError(await anon.json('GET', '/api/me', { headers: { authorization: `Bearer ${token}` } }), 'GLOBAL_401');
      expectError(await anon.json('POST', '/api/auth/refresh', { headers: { cookie: `refreshToken=${refresh}` } }), 'AUTH_402');
      expectSuccess(await other.json('GET', '/api/me'), 'AUTH_006');
    });

    it('logout works with only the refresh cookie, or a Bearer header, and ignores the body', async () => {
      const byRefresh = await loggedIn();
      const token = byRefresh.cookies.get('accessToken')!;
      byRefresh.cookies.delete('accessToken');
      expectSuccess(await byRefresh.json('POST', '/api/auth/logout', { raw: 'not json', headers: { 'content-type': 'text/plain' } }), 'AUTH_001');
      expectError(await new HttpClient(server.url).json('GET', '/api/me', { headers: { authorization: `Bearer ${token}` } }), 'GLOBAL_401');

      const byHeader = await loggedIn();
      const bearer = byHeader.cookies.get('accessToken')!;
      expectSuccess(await new HttpClient(server.url).json('POST', '/api/auth/logout', { headers: { authorization: `Bearer ${bearer}` } }), 'AUTH_001');
      expectError(await byHeader.json('GET', '/api/me'), 'GLOBAL_401');
    });

    it('logout without a session answers 401 GLOBAL_401 and still clears both cookies, never 500', async () => {
      const anon = new HttpClient(server.url);
      const attempts: Record<string, string>[] = [{}, { cookie: 'accessToken=garbage; refreshToken=garbage' }, { authorization: 'Bearer x.y.z' }];
      for (const headers of attempts) {
        const r = await anon.json('POST', '/api/auth/logout', { body: {}, headers });
        expectError(r, 'GLOBAL_401');
        expectCookiesCleared(r.res);
      }
      // A second logout with the same, now revoked, credentials.
      const http = await loggedIn();
      const cookie = `accessToken=${http.cookies.get('accessToken')}; refreshToken=${http.cookies.get('refreshToken')}`;
      expectSuccess(await http.json('POST', '/api/auth/logout'), 'AUTH_001');
      const again = await new HttpClient(server.url).json('POST', '/api/auth/logout', { headers: { cookie } });
      expectError(again, 'GLOBAL_401');
      expectCookiesCleared(again.res);
    });

    it('a refreshed access token belongs to the same family and carries a fresh jti', async () => {
      const http = await loggedIn();
      const before = claimsOf(http.cookies.get('accessToken')!);
      await http.json('POST', '/api/auth/refresh');
      const after = claimsOf(http.cookies.get('accessToken')!);
      expect(after.sid).toBe(before.sid);
      expect(after.jti).not.toBe(before.jti);
    });
  });
}
