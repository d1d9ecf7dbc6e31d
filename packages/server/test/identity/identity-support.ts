import { expect } from 'vitest';
import type { Clock, NewUser, PasswordHasher, User, UserRepository } from '@sooscode/domain';
import { UserMother } from '@sooscode/domain/testing';
import { TOKENS } from '../../src/tokens';
import { claimsOf, signJwt } from '../../../adapters/test/identity/token-tools';
import { HttpClient, startTestServer, type TestServer, type TestServerOptions } from '../support/test-server';

export { claimsOf };

/** The JWT_SECRET `startTestServer` configures. */
export const TEST_JWT_SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret-0123456789');

/** Real time plus an offset that tests move forward (the server's clock for expiry tests). */
export class OffsetClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock forward by `ms`. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** The `Set-Cookie` headers of a response, by cookie name. */
export function setCookies(res: Response): Map<string, string> {
  return new Map(res.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]));
}

/** The value a `Set-Cookie` header sets for `name`, or undefined. */
export function cookieValue(res: Response, name: string): string | undefined {
  const line = setCookies(res).get(name);
  return line ? line.slice(name.length + 1, line.indexOf(';')) : undefined;
}

/** Asserts that the response clears both auth cookies exactly as http.md §1.7 shows. */
export function expectCookiesCleared(res: Response, secure = false): void {
  const suffix = secure ? '; Secure' : '';
  expect(res.headers.getSetCookie().sort()).toEqual([
    `accessToken=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax${suffix}`,
    `refreshToken=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax${suffix}`,
  ]);
}

/** Signs an access token with the test secret: `claims` override the valid defaults (undefined removes one). */
export async function signAccessToken(
  claims: Record<string, unknown>,
  options: { alg?: string; typ?: string; secret?: Uint8Array } = {},
): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const payload = { iss: 'sooscode-api', aud: 'sooscode-api', jti: `t-${Math.random()}`, iat, exp: iat + 1800, ...claims };
  return signJwt(payload, { alg: options.alg ?? 'HS256', typ: options.typ ?? 'at+jwt' }, options.secret ?? TEST_JWT_SECRET);
}

/** The container's user repository. */
export function usersOf(server: TestServer): UserRepository {
  return server.container.get<UserRepository>(TOKENS.UserRepository);
}

let counter = 0;

/** A fresh unique email. */
export function uniqueEmail(tag = 'user'): string {
  return `${tag}${Date.now().toString(36)}${++counter}@example.com`;
}

/**
 * A test server shared by several suites of one file (started in the file's `beforeAll`), always on an
 * OffsetClock. Suites read `server` only inside their tests, after it started.
 */
export class SharedServer {
  readonly clock = new OffsetClock();
  private current: TestServer | undefined;

  /** `options` may be a function, read at start (e.g. to use a port known only then). */
  constructor(private readonly options: Omit<TestServerOptions, 'clock'> | (() => Omit<TestServerOptions, 'clock'>) = {}) {}

  async start(): Promise<void> {
    const options = typeof this.options === 'function' ? this.options() : this.options;
    this.current = await startTestServer({ ...options, clock: this.clock });
  }

  async stop(): Promise<void> {
    await this.current?.stop();
  }

  get server(): TestServer {
    if (!this.current) throw new Error('SharedServer used before start()');
    return this.current;
  }

  /** A fresh cookie jar against this server, with optional default headers. */
  client(defaults?: Record<string, string>): HttpClient {
    return new HttpClient(this.server.url, defaults);
  }
}

const passwordHashes = new WeakMap<TestServer, Promise<string>>();

/**
 * Stores an ACTIVE student straight through the container's repository, password `Passw0rd!` (hashed once
 * per server with the server's own hasher, so logins exercise the real argon2 path).
 */
export async function createUser(server: TestServer, overrides: Partial<NewUser> = {}, tag = 'user'): Promise<User> {
  let hash = passwordHashes.get(server);
  if (!hash) {
    hash = server.container.get<PasswordHasher>(TOKENS.PasswordHasher).hash('Passw0rd!');
    passwordHashes.set(server, hash);
  }
  return usersOf(server).create(UserMother.student({ email: uniqueEmail(tag), name: '김수스', passwordHash: await hash, ...overrides }));
}

/** The exact enveloped error of a code. */
function errorBody(status: number, code: string, message: string) {
  return { success: false, status, code, message };
}

/** Status and message of every code the identity endpoints emit, copied from the wire contract (an independent oracle). */
export const EXPECTED: Record<string, [number, string]> = {
  GLOBAL_000: [200, '요청이 성공적으로 처리되었습니다'],
  GLOBAL_400: [400, '잘못된 요청입니다'],
  GLOBAL_401: [401, '인증이 필요합니다'],
  GLOBAL_410: [400, '입력값 검증에 실패했습니다'],
  GLOBAL_411: [400, '유효하지 않은 파라미터입니다'],
  GLOBAL_413: [413, '요청 본문이 너무 큽니다'],
  GLOBAL_415: [415, '지원하지 않는 Content-Type입니다'],
  GLOBAL_429: [429, '요청이 너무 많습니다. 잠시 후 다시 시도하세요.'],
  AUTH_000: [200, '로그인 성공'],
  AUTH_001: [200, '로그아웃 성공'],
  AUTH_002: [201, '회원가입 성공'],
  AUTH_003: [200, '이메일 인증 성공'],
  AUTH_004: [200, '인증 이메일 발송 성공'],
  AUTH_005: [200, '액세스 토큰 재발급 성공'],
  AUTH_006: [200, '내 정보 불러오기 성공'],
  AUTH_101: [404, '등록되지 않은 이메일입니다.'],
  AUTH_102: [400, '이미 가입된 이메일입니다.'],
  AUTH_103: [400, '탈퇴한 이메일입니다.'],
  AUTH_201: [401, '비밀번호가 일치하지 않습니다.'],
  AUTH_204: [429, '로그인 시도가 너무 많습니다. 잠시 후 다시 시도하세요.'],
  AUTH_301: [400, '인증 코드가 올바르지 않습니다.'],
  AUTH_302: [410, '인증 코드가 만료되었습니다.'],
  AUTH_303: [400, '이메일 전송에 실패했습니다.'],
  AUTH_304: [400, '이메일 인증이 완료되지 않았습니다.'],
  AUTH_305: [429, '인증 시도 횟수를 초과했습니다. 인증 코드를 다시 요청하세요.'],
  AUTH_306: [429, '인증 메일 요청이 너무 많습니다. 잠시 후 다시 시도하세요.'],
  AUTH_401: [401, '액세스 토큰이 만료되었습니다.'],
  AUTH_402: [401, '리프레시 토큰을 찾을 수 없습니다.'],
  AUTH_403: [401, '리프레시 토큰이 만료되었습니다.'],
  AUTH_404: [401, '리프레시 토큰 재사용이 감지되어 로그인 세션이 만료되었습니다.'],
  AUTH_601: [400, '현재 비밀번호가 일치하지 않습니다.'],
  AUTH_602: [400, '새 비밀번호는 기존 비밀번호와 같을 수 없습니다.'],
  VALID_USR_002: [400, '이름을 입력해주세요'],
  VALID_USR_003: [400, '이름은 2자 이상이어야 합니다'],
  VALID_USR_004: [400, '이름은 16자 이하이어야 합니다'],
  VALID_USR_005: [400, '이메일을 입력해주세요'],
  VALID_USR_006: [400, '올바른 이메일 형식이 아닙니다'],
  VALID_USR_007: [400, '이메일은 5자 이상이어야 합니다'],
  VALID_USR_008: [400, '이메일은 50자 이하이어야 합니다'],
  VALID_USR_009: [400, '비밀번호를 입력해주세요'],
  VALID_USR_010: [400, '비밀번호는 8자 이상이어야 합니다'],
  VALID_USR_011: [400, '비밀번호는 16자 이하이어야 합니다'],
  VALID_USR_012: [400, '비밀번호는 영문자와 숫자를 포함해야 합니다'],
  VALID_USR_013: [400, '비밀번호가 일치하지 않습니다'],
};

/** Asserts an enveloped error response of `code` (status, body and, for 429, a Retry-After ≥ 1). */
export function expectError(r: { status: number; body: Record<string, unknown>; res: Response }, code: string, detail?: string): void {
  const [status, message] = EXPECTED[code] ?? [-1, `unknown code ${code}`];
  expect({ status: r.status, body: r.body }).toEqual({ status, body: errorBody(status, code, detail ? `${message} - ${detail}` : message) });
  if (status === 429) expect(Number(r.res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

/** Asserts an enveloped success of `code`, returning its `data`. */
export function expectSuccess(r: { status: number; body: Record<string, unknown> }, code: string): unknown {
  const [status, message] = EXPECTED[code]!;
  expect({ status: r.status, code: r.body.code, message: r.body.message, success: r.body.success, bodyStatus: r.body.status }).toEqual({
    status, code, message, success: true, bodyStatus: status,
  });
  return r.body.data;
}
