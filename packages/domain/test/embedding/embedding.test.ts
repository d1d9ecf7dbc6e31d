import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// #region embedding
import { createHmac, randomBytes, randomInt, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import {
  AuthenticateAccessToken, DEFAULT_IDENTITY_POLICY, LogIn, LogOut, LoginThrottle, RefreshSession, RegisterUser, SessionIssuer, err, ok,
  type AccessClaims, type AccessTokenIssuer, type AccessTokenVerifier, type Clock, type KeyedHasher, type PasswordHasher,
  type SecureRandom, type SessionTerminator,
} from '@sooscode/domain';
import {
  InMemoryAccessTokenDenylist, InMemoryAttemptCounter, InMemoryEmailVerificationStore, InMemoryRefreshTokenStore, InMemoryUserRepository,
} from '@sooscode/adapters/memory';

/** Wires the identity use cases in-process; the host supplies time, randomness and cryptography. */
export function createIdentityCore(secret: string = randomBytes(32).toString('base64url')) {
  const clock: Clock = { now: () => new Date() };
  const random: SecureRandom = {
    token: (bytes) => randomBytes(bytes).toString('base64url'),
    digits: (length) => Array.from({ length }, () => randomInt(10)).join(''),
    fromAlphabet: (alphabet, length) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join(''),
    uuid: () => randomUUID(),
  };
  const keyed: KeyedHasher = {
    hash: (message) => createHmac('sha256', secret).update(message).digest('base64url'),
    equals: (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)),
  };
  const passwords: PasswordHasher = {
    async hash(password) {
      const salt = randomBytes(16).toString('base64url');
      return `scrypt$${salt}$${scryptSync(password, salt, 32).toString('base64url')}`;
    },
    async verify(password, stored) {
      const [scheme, salt = '', hash = ''] = stored.split('$');
      return { valid: scheme === 'scrypt' && keyed.equals(scryptSync(password, salt, 32).toString('base64url'), hash), needsRehash: false };
    },
  };
  // A compact MAC-signed token; the server uses HS256 JWTs (jose) behind the same two ports.
  const tokens: AccessTokenIssuer & AccessTokenVerifier = {
    ttlS: 1800,
    async issue(subject, now) {
      const claims: AccessClaims = { ...subject, jti: randomUUID(), issuedAt: now, expiresAt: new Date(now.getTime() + 1_800_000) };
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return { token: `${body}.${keyed.hash(`access-token:${body}`)}`, claims };
    },
    async verify(token, now) {
      const [body = '', mac = ''] = token.split('.');
      if (!keyed.equals(keyed.hash(`access-token:${body}`), mac)) return err('invalid');
      const raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as AccessClaims;
      const claims = { ...raw, issuedAt: new Date(raw.issuedAt), expiresAt: new Date(raw.expiresAt) };
      return now < claims.expiresAt ? ok(claims) : err('expired');
    },
  };
  const terminator: SessionTerminator = { async closeFamilies() {}, async closeUser() {} }; // no live sockets here

  // State lives in the domain's own in-process adapters (one process; use the Postgres/Redis adapters for many).
  const policy = { ...DEFAULT_IDENTITY_POLICY, requireEmailVerification: false };
  const users = new InMemoryUserRepository();
  const families = new InMemoryRefreshTokenStore(clock);
  const denylist = new InMemoryAccessTokenDenylist(clock);
  const sessions = new SessionIssuer(families, tokens, keyed, random, clock, policy);
  const throttle = new LoginThrottle(new InMemoryAttemptCounter(clock), policy);
  return {
    register: new RegisterUser(users, passwords, new InMemoryEmailVerificationStore(clock), clock, policy),
    logIn: new LogIn(users, passwords, throttle, sessions, clock),
    authenticate: new AuthenticateAccessToken(tokens, denylist, families, users, clock),
    refresh: new RefreshSession(families, users, sessions, terminator, clock, policy),
    logOut: new LogOut(tokens, denylist, families, sessions, terminator, clock),
  };
}

// Using it: every expected failure is a value with a catalogue code, never an exception.
export async function roundTrip() {
  const core = createIdentityCore();
  const registered = await core.register.execute({ email: ' Kim@Example.com ', name: ' 김수스 ', password: 'abc12345', confirmPassword: 'abc12345' });
  const wrong = await core.logIn.execute({ email: 'kim@example.com', password: 'abc12346', clientIp: '127.0.0.1' });
  const login = await core.logIn.execute({ email: 'kim@example.com', password: 'abc12345', clientIp: '127.0.0.1' });
  if (!login.ok) throw new Error(login.error.code);
  const { accessToken, refreshToken } = login.value.session;
  const me = await core.authenticate.execute(accessToken);
  const rotated = await core.refresh.execute(refreshToken);
  const loggedOut = await core.logOut.execute({ accessToken });
  const afterLogout = await core.authenticate.execute(accessToken);
  return { registered, wrong, me, rotated, loggedOut, afterLogout };
}
// #endregion embedding

describe('embedding the identity core (docs/embedding.md)', () => {
  it('registers, refuses a wrong password, logs in, authenticates, rotates and logs out', async () => {
    const r = await roundTrip();
    expect(r.registered).toMatchObject({ ok: true, value: { email: 'kim@example.com', name: '김수스', role: 'STUDENT' } });
    expect(r.wrong).toEqual({ ok: false, error: { code: 'AUTH_201' } });
    expect(r.me).toMatchObject({ ok: true, value: { email: 'kim@example.com', name: '김수스', role: 'STUDENT' } });
    expect(r.rotated.ok).toBe(true);
    expect(r.loggedOut).toBe(true);
    expect(r.afterLogout).toEqual({ ok: false, error: 'GLOBAL_401' });
  });

  it('refuses a token signed by another core', async () => {
    const a = createIdentityCore('secret-a');
    const b = createIdentityCore('secret-b');
    await a.register.execute({ email: 'lee@example.com', name: '이수스', password: 'abc12345', confirmPassword: 'abc12345' });
    const login = await a.logIn.execute({ email: 'lee@example.com', password: 'abc12345', clientIp: '::1' });
    if (!login.ok) throw new Error(login.error.code);
    expect((await a.authenticate.execute(login.value.session.accessToken)).ok).toBe(true);
    expect(await b.authenticate.execute(login.value.session.accessToken)).toEqual({ ok: false, error: 'GLOBAL_401' });
  });
});

const here = dirname(fileURLToPath(import.meta.url));
const DOC = resolve(here, '../../../../docs/embedding.md');
const EXAMPLE = resolve(here, 'embedding.test.ts');

/** The text between two markers (exclusive), or throws naming the missing marker. */
function between(text: string, start: string, end: string, where: string): string {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`${where}: marker "${start}" not found`);
  const to = text.indexOf(end, from + start.length);
  if (to < 0) throw new Error(`${where}: marker "${end}" not found`);
  return text.slice(from + start.length, to);
}

describe('docs/embedding.md', () => {
  it('quotes the runnable example exactly as it is in packages/domain/test/embedding/embedding.test.ts', () => {
    const doc = readFileSync(DOC, 'utf8');
    const region = between(readFileSync(EXAMPLE, 'utf8'), '// #region embedding\n', '// #endregion embedding', 'embedding.test.ts');
    const block = between(doc, '<!-- BEGIN embedding-example -->\n```ts\n', '```\n<!-- END embedding-example -->', 'embedding.md');
    expect(block).toBe(region);
    expect(doc).toContain('packages/domain/test/embedding/embedding.test.ts');
  });
});
