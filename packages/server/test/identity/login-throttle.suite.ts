import { describe, expect, it } from 'vitest';
import { createUser, expectError, expectSuccess, uniqueEmail, type SharedServer } from './identity-support';

/**
 * Login throttling (http.md §1.9) on a server with small limits (LOGIN_MAX_FAILURES_PER_ACCOUNT=3,
 * LOGIN_MAX_FAILURES_PER_IP=5, LOGIN_LOCK_WINDOW_S=900) and TRUST_PROXY, so each test picks its client address.
 */
export function loginThrottleSuite(shared: SharedServer): void {
  describe('login throttling', () => {
    let ip = 0;
    const nextIp = () => `203.0.113.${++ip}`;

    const login = (email: string, password: string, from = nextIp()) =>
      shared.client().json('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': from } });

    it('locks an account after 3 failures: the 4th attempt gets 429 AUTH_204 with Retry-After, even with the right password', async () => {
      const user = await createUser(shared.server);
      for (let i = 0; i < 3; i++) expectError(await login(user.email, 'Wrong000!'), 'AUTH_201');
      const locked = await login(user.email.toUpperCase(), 'Passw0rd!');
      expectError(locked, 'AUTH_204');
      const retry = Number(locked.res.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(800);
      expect(retry).toBeLessThanOrEqual(900);
    });

    it('answers an unknown email exactly like a known one', async () => {
      const ghost = uniqueEmail('ghost');
      for (let i = 0; i < 3; i++) expectError(await login(ghost, 'Wrong000!'), 'AUTH_101');
      const locked = await login(ghost, 'Wrong000!');
      expectError(locked, 'AUTH_204');
      const user = await createUser(shared.server);
      for (let i = 0; i < 3; i++) await login(user.email, 'Wrong000!');
      const known = await login(user.email, 'Wrong000!');
      expect(known.body).toEqual(locked.body);
      expect(known.status).toBe(locked.status);
    });

    it('clears the account counter on success and never counts input-rule failures', async () => {
      const user = await createUser(shared.server);
      for (let round = 0; round < 2; round++) {
        expectError(await login(user.email, 'Wrong000!'), 'AUTH_201');
        expectError(await login(user.email, 'Wrong000!'), 'AUTH_201');
        expectSuccess(await login(user.email, 'Passw0rd!'), 'AUTH_000');
      }
      for (let i = 0; i < 5; i++) expectError(await login(user.email, 'short'), 'VALID_USR_010');
      expectSuccess(await login(user.email, 'Passw0rd!'), 'AUTH_000');
    });

    it('locks a client address after 5 failures across accounts; other addresses are unaffected', async () => {
      const user = await createUser(shared.server);
      const attacker = nextIp();
      for (let i = 0; i < 5; i++) expectError(await login(uniqueEmail('spray'), 'Wrong000!', attacker), 'AUTH_101');
      expectError(await login(user.email, 'Passw0rd!', attacker), 'AUTH_204');
      expectSuccess(await login(user.email, 'Passw0rd!', nextIp()), 'AUTH_000');
    });
  });
}
