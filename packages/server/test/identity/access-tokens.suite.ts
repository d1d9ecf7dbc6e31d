import { beforeAll, describe, expect, it } from 'vitest';
import { unsignedJwt } from '../../../adapters/test/identity/token-tools';
import { HttpClient, type TestServer } from '../support/test-server';
import {
  TEST_JWT_SECRET, claimsOf, cookieValue, createUser, expectError, expectSuccess, setCookies, signAccessToken, usersOf, type SharedServer,
} from './identity-support';

/** What the protected routes accept as an access token (http.md §1.7), on the shared default server. */
export function accessTokenSuite(shared: SharedServer): void {
  describe('access tokens on protected routes', () => {
    let server: TestServer;
    let clock: SharedServer['clock'];
    beforeAll(() => {
      server = shared.server;
      clock = shared.clock;
    });

    async function session() {
      const http = new HttpClient(server.url);
      const user = await createUser(server);
      await http.login(user.email, 'Passw0rd!');
      const token = http.cookies.get('accessToken')!;
      return { http, user, token, claims: claimsOf(token) };
    }

    const me = (headers: Record<string, string>) => new HttpClient(server.url).json('GET', '/api/me', { headers });
    const bearer = (token: string) => me({ authorization: `Bearer ${token}` });

    it('refuses forged, foreign and mistyped tokens with 401 GLOBAL_401, and an expired one with AUTH_401', async () => {
      const { http, user, token, claims } = await session();
      const valid = { sub: String(user.id), email: user.email, role: 'STUDENT', sid: claims.sid };
      const now = Math.floor(clock.now().getTime() / 1000);
      // Control: a token with correct claims signed with the secret is accepted, so the refusals below are for their stated reason.
      expectSuccess(await bearer(await signAccessToken({ ...valid, iat: now, exp: now + 600 })), 'AUTH_006');
      expectSuccess(await bearer(await signAccessToken({ ...valid, iat: now - 1800, exp: now - 10 })), 'AUTH_006');

      const [h, p, s] = token.split('.') as [string, string, string];
      const refused = {
        'tampered signature': `${h}.${p}.${s.slice(0, -3)}${s.endsWith('AAA') ? 'BBB' : 'AAA'}`,
        'tampered payload': `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url')}.${s}`,
        'alg none': unsignedJwt({ ...claims }),
        HS512: await signAccessToken({ ...valid, iat: now, exp: now + 600 }, { alg: 'HS512' }),
        'other secret': await signAccessToken({ ...valid, iat: now, exp: now + 600 }, { secret: new TextEncoder().encode('x'.repeat(48)) }),
        'wrong audience': await signAccessToken({ ...valid, aud: 'another-api', iat: now, exp: now + 600 }),
        'wrong issuer': await signAccessToken({ ...valid, iss: 'someone', iat: now, exp: now + 600 }),
        'wrong typ': await signAccessToken({ ...valid, iat: now, exp: now + 600 }, { typ: 'JWT' }),
        'unknown family': await signAccessToken({ ...valid, sid: 'no-such-family', iat: now, exp: now + 600 }),
        'unknown user': await signAccessToken({ ...valid, sub: '999999', iat: now, exp: now + 600 }),
        'refresh token': http.cookies.get('refreshToken')!,
        'not a jwt': 'abc',
      };
      for (const [why, t] of Object.entries(refused)) {
        const r = await bearer(t);
        expect(r.status, why).toBe(401);
        expectError(r, 'GLOBAL_401');
        expectError(await me({ cookie: `accessToken=${t}` }), 'GLOBAL_401');
      }
      const expired = await signAccessToken({ ...valid, iat: now - 1900, exp: now - 60 });
      expectError(await bearer(expired), 'AUTH_401');
      expectError(await me({ cookie: `accessToken=${expired}` }), 'AUTH_401');
      expectSuccess(await bearer(token), 'AUTH_006');
    });

    it('reads the role and name from the user record, not from the token', async () => {
      const { user, token } = await session();
      await usersOf(server).update({ ...user, role: 'INSTRUCTOR', name: '바뀐이름' });
      expect(expectSuccess(await bearer(token), 'AUTH_006')).toMatchObject({ role: 'INSTRUCTOR', name: '바뀐이름' });
      expect(claimsOf(token).role).toBe('STUDENT');
    });

    it('ends access at once when the account is deactivated', async () => {
      const { http, user, token } = await session();
      const refresh = http.cookies.get('refreshToken')!;
      await usersOf(server).update({ ...user, status: 'INACTIVE' });
      expectError(await bearer(token), 'GLOBAL_401');
      expectError(await http.json('GET', '/api/me'), 'GLOBAL_401');
      expectError(await new HttpClient(server.url).json('POST', '/api/auth/refresh', { headers: { cookie: `refreshToken=${refresh}` } }), 'AUTH_402');
      expectError(await new HttpClient(server.url).json('POST', '/api/auth/login', { body: { email: user.email, password: 'Passw0rd!' } }), 'AUTH_103');
    });

    it('renews a cookie token close to expiry (sliding session), never a Bearer one', async () => {
      const { http, token, claims } = await session();
      const fresh = await http.json('GET', '/api/me');
      expect(fresh.res.headers.getSetCookie()).toEqual([]);
      clock.advance(1_300_000);
      const viaBearer = await bearer(token);
      expectSuccess(viaBearer, 'AUTH_006');
      expect(viaBearer.res.headers.getSetCookie()).toEqual([]);
      const renewed = await http.json('GET', '/api/me');
      expectSuccess(renewed, 'AUTH_006');
      const cookies = setCookies(renewed.res);
      expect([...cookies.keys()]).toEqual(['accessToken']);
      expect(cookies.get('accessToken')).toMatch(/^accessToken=[^;]+; Max-Age=1800; Expires=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
      const next = cookieValue(renewed.res, 'accessToken')!;
      expect(next).not.toBe(token);
      expect(claimsOf(next).sid).toBe(claims.sid);
      expectSuccess(await bearer(next), 'AUTH_006');
    });

    it('gives no renewal to a revoked family', async () => {
      const { http, token } = await session();
      clock.advance(1_300_000);
      expectSuccess(await new HttpClient(server.url).json('POST', '/api/auth/logout', { headers: { authorization: `Bearer ${token}` } }), 'AUTH_001');
      const r = await http.json('GET', '/api/me');
      expectError(r, 'GLOBAL_401');
      expect(cookieValue(r.res, 'accessToken')).toBeUndefined();
    });

    it('keeps the test secret in step with the server (guards the forged-token cases above)', () => {
      expect(Buffer.from(server.settings.jwtSecret).equals(Buffer.from(TEST_JWT_SECRET))).toBe(true);
    });
  });
}
