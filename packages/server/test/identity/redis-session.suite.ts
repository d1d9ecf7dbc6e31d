import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@sooscode/domain';
import type { Redis } from '@sooscode/adapters/redis/connect-redis';
import { TOKENS } from '../../src/tokens';
import { HttpClient, type TestServer } from '../support/test-server';
import { cookieValue, createUser, expectCookiesCleared, expectError, expectSuccess, usersOf, type OffsetClock, type SharedServer } from './identity-support';

/**
 * The key session behaviour again with session state in Redis (families, denylist, counters), on a
 * server started with `redis: true` and LOGIN_MAX_FAILURES_PER_ACCOUNT=2. The caller skips it without Redis.
 */
export function redisSessionSuite(shared: SharedServer): void {
  describe('sessions with Redis-backed state', () => {
    let server: TestServer;
    let clock: OffsetClock;
    let redis: Redis;
    let prefix: string;
    let user: User;
    beforeAll(async () => {
      server = shared.server;
      clock = shared.clock;
      redis = server.container.get<Redis>(TOKENS.Redis);
      prefix = server.settings.config.redisKeyPrefix;
      user = await createUser(server);
    });
    afterAll(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
    });

    async function loggedIn(): Promise<HttpClient> {
      const http = new HttpClient(server.url);
      await http.login(user.email, 'Passw0rd!');
      return http;
    }

    it('keeps the session family in Redis and authenticates from it', async () => {
      const http = await loggedIn();
      expect((await redis.keys(`${prefix}fam:*`)).length).toBeGreaterThan(0);
      expect((await redis.keys(`${prefix}rt:*`)).length).toBeGreaterThan(0);
      expect(expectSuccess(await http.json('GET', '/api/me'), 'AUTH_006')).toMatchObject({ userId: user.id });
    });

    it('rotates, honours the grace window, and revokes the family on reuse after it', async () => {
      const http = await loggedIn();
      const first = http.cookies.get('refreshToken')!;
      const rotated = await http.json('POST', '/api/auth/refresh');
      expectSuccess(rotated, 'AUTH_005');
      const second = cookieValue(rotated.res, 'refreshToken')!;
      const tab = new HttpClient(server.url);
      tab.cookies.set('refreshToken', first);
      const grace = await tab.json('POST', '/api/auth/refresh');
      expect(cookieValue(grace.res, 'refreshToken')).toBe(second);
      clock.advance(31_000);
      const reuse = await tab.json('POST', '/api/auth/refresh', { headers: { cookie: `refreshToken=${first}` } });
      expectError(reuse, 'AUTH_404');
      expectCookiesCleared(reuse.res);
      expectError(await http.json('GET', '/api/me'), 'GLOBAL_401');
    });

    it('concurrent refreshes of one token rotate once and hand every caller the same new token', async () => {
      const http = await loggedIn();
      const token = http.cookies.get('refreshToken')!;
      const results = await Promise.all(
        Array.from({ length: 4 }, () => new HttpClient(server.url).json('POST', '/api/auth/refresh', { headers: { cookie: `refreshToken=${token}` } })),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(new Set(results.map((r) => cookieValue(r.res, 'refreshToken'))).size).toBe(1);
    });

    it('logout revokes the family and denies its access token', async () => {
      const http = await loggedIn();
      const token = http.cookies.get('accessToken')!;
      expectSuccess(await http.json('POST', '/api/auth/logout', { body: {} }), 'AUTH_001');
      expectError(await new HttpClient(server.url).json('GET', '/api/me', { headers: { authorization: `Bearer ${token}` } }), 'GLOBAL_401');
      expect((await redis.keys(`${prefix}deny:*`)).length).toBeGreaterThan(0);
    });

    it('answers AUTH_403 for a refresh token past its idle lifetime', async () => {
      const http = await loggedIn();
      clock.advance(604_800_000);
      expectError(await http.json('POST', '/api/auth/refresh'), 'AUTH_403');
    });

    it('counts login failures in Redis: the third attempt is locked', async () => {
      const other = await createUser(server);
      const login = (password: string) => new HttpClient(server.url).json('POST', '/api/auth/login', { body: { email: other.email, password } });
      expectError(await login('Wrong000!'), 'AUTH_201');
      expectError(await login('Wrong000!'), 'AUTH_201');
      expectError(await login('Passw0rd!'), 'AUTH_204');
    });

    it('self-delete ends every Redis-held session of the user at once', async () => {
      const victim = await createUser(server);
      const a = new HttpClient(server.url);
      const b = new HttpClient(server.url);
      await a.login(victim.email, 'Passw0rd!');
      await b.login(victim.email, 'Passw0rd!');
      expectSuccess(await a.json('POST', '/api/mypage/delete'), 'GLOBAL_000');
      expectError(await b.json('GET', '/api/me'), 'GLOBAL_401');
      expectError(await b.json('POST', '/api/auth/refresh'), 'AUTH_402');
      expect((await usersOf(server).findById(victim.id))!.status).toBe('INACTIVE');
    });
  });
}
