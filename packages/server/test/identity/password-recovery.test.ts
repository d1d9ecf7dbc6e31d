import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '../../../adapters/test/identity/smtp-sink';
import { HAS_REDIS } from '../../../adapters/test/support/services';
import { RecordingLogger } from '../compile/recording-logger';
import { closeAllClients, LiveClient } from '../realtime/support/live-client';
import { HttpClient, startTestServer, type TestServer } from '../support/test-server';
import { createUser, EXPECTED, expectError, expectSuccess, OffsetClock, usersOf } from './identity-support';

/**
 * Account recovery (http.md §15) end to end: on Postgres and Redis (when available), with the development
 * mailer writing each message to a recording log, where the tests read the codes; and against an SMTP
 * server that refuses every recipient, for the mail-failure answer. Live STOMP sessions of the user are
 * checked to end with ERROR GLOBAL_401 when a reset revokes their family.
 */
const EXPECTED_HERE: Record<string, [number, string]> = {
  AUTH_007: [200, '비밀번호 재설정 메일을 보냈습니다.'],
  AUTH_008: [200, '비밀번호가 재설정되었습니다.'],
  ADM_COM_000: [200, '성공적으로 요청을 처리하였습니다.'],
  ADM_USR_001: [404, '사용자를 찾을 수 없습니다'],
  ADM_USR_003: [403, '관리자 계정은 수정할 수 없습니다'],
  GLOBAL_403: [403, '접근 권한이 없습니다'],
};
Object.assign(EXPECTED, EXPECTED_HERE);

const NEW_PASSWORD = 'N3wPassword!';
const log = new RecordingLogger();
const clock = new OffsetClock();
const sink = new SmtpSink();
let server: TestServer;
let failing: TestServer;
let ip = 0;

/** A client with its own address (TRUST_PROXY), so the per-address send limit stays out of the way. */
const client = (baseUrl = server.url) => new HttpClient(baseUrl, { 'x-forwarded-for': `10.9.0.${++ip}` });

/** The code in the newest development-mailer message to `email`, or undefined. */
function mailedCode(email: string): string | undefined {
  const mails = log.entries.filter((e) => e.msg?.startsWith('development mailer') && (e.obj as { to?: string }).to === email);
  const text = (mails.at(-1)?.obj as { text?: string } | undefined)?.text;
  return text ? /\b(\d{6})\b/.exec(text)?.[1] : undefined;
}
const mailsTo = (email: string) => log.entries.filter((e) => e.msg?.startsWith('development mailer') && (e.obj as { to?: string }).to === email).length;

const forgot = (http: HttpClient, email: unknown) => http.json('POST', '/api/auth/password/forgot', { body: { email } });
const reset = (http: HttpClient, email: unknown, code: unknown, newPassword: unknown = NEW_PASSWORD) =>
  http.json('POST', '/api/auth/password/reset', { body: { email, code, newPassword } });

beforeAll(async () => {
  await sink.start();
  sink.refuseRecipients = true;
  [server, failing] = await Promise.all([
    startTestServer({ redis: HAS_REDIS, logger: log, clock, env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOG_LEVEL: 'debug' } }),
    startTestServer({ env: { TRUST_PROXY: 'true', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_TIMEOUT_MS: '3000' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), failing?.stop()]);
  await sink.stop();
});
afterEach(async () => {
  await closeAllClients();
});

/** Asserts that the server ended a live STOMP session with ERROR GLOBAL_401. */
async function endedWith401(live: LiveClient): Promise<void> {
  await live.ended();
  expect(live.errorFrame?.headers['message']).toBe('GLOBAL_401');
}

describe('POST /api/auth/password/forgot', () => {
  it('mails a code to an ACTIVE LOCAL account and answers exactly the same for an unknown, Google or INACTIVE email', async () => {
    const user = await createUser(server, {}, 'forgot');
    const google = await createUser(server, { provider: 'GOOGLE' }, 'google');
    const gone = await createUser(server, { status: 'INACTIVE' }, 'gone');
    const known = await forgot(client(), user.email.toUpperCase());
    expectSuccess(known, 'AUTH_007');
    expect(mailedCode(user.email)).toMatch(/^\d{6}$/);
    for (const email of ['nobody-here@example.com', google.email, gone.email]) {
      const other = await forgot(client(), email);
      expect({ status: other.status, body: other.body }).toEqual({ status: known.status, body: known.body });
      expect(mailsTo(email)).toBe(0);
    }
    expect(known.body).toEqual({ success: true, status: 200, code: 'AUTH_007', message: '비밀번호 재설정 메일을 보냈습니다.' });
  });

  it('checks the email rules first', async () => {
    expectError(await forgot(client(), undefined), 'VALID_USR_005');
    expectError(await forgot(client(), 'a@b'), 'VALID_USR_007');
    expectError(await forgot(client(), `${'a'.repeat(50)}@example.com`), 'VALID_USR_008');
    expectError(await forgot(client(), 'not-an-email'), 'VALID_USR_006');
  });

  it('is throttled like email/send (per email and per address), for unknown emails too: 429 AUTH_306', async () => {
    const user = await createUser(server, {}, 'throttle');
    const http = client();
    expectSuccess(await forgot(http, user.email), 'AUTH_007');
    expectError(await forgot(client(), user.email), 'AUTH_306');
    expectSuccess(await forgot(http, 'ghost-throttle@example.com'), 'AUTH_007');
    expectError(await forgot(client(), 'ghost-throttle@example.com'), 'AUTH_306');
    const crowd = client();
    for (let i = 0; i < 20; i++) expectSuccess(await forgot(crowd, `crowd${i}@example.com`), 'AUTH_007');
    expectError(await forgot(crowd, 'crowd-last@example.com'), 'AUTH_306');
  });

  it('answers 400 AUTH_303 when the mail cannot be sent, only for an existing account', async () => {
    const user = await createUser(failing, {}, 'smtp');
    expectError(await forgot(client(failing.url), user.email), 'AUTH_303');
    expectSuccess(await forgot(client(failing.url), 'nobody-smtp@example.com'), 'AUTH_007');
  });
});

describe('POST /api/auth/password/reset', () => {
  it('replaces the password, ends every session, consumes the code and sets no cookie', async () => {
    const user = await createUser(server, {}, 'reset');
    const laptop = client();
    const phone = client();
    await laptop.login(user.email, 'Passw0rd!');
    await phone.login(user.email, 'Passw0rd!');
    const oldRefresh = laptop.cookies.get('refreshToken')!;
    const oldAccess = phone.cookies.get('accessToken')!;
    const live = await LiveClient.connect(server.url, { cookie: `accessToken=${laptop.cookies.get('accessToken')!}` });
    const http = client();
    expectSuccess(await forgot(http, user.email), 'AUTH_007');
    const code = mailedCode(user.email)!;
    const wrong = code === '000000' ? '000001' : '000000';
    expectError(await reset(http, user.email, wrong), 'AUTH_301');
    const done = await reset(http, user.email.toUpperCase(), code);
    expectSuccess(done, 'AUTH_008');
    expect(done.res.headers.getSetCookie()).toEqual([]);
    await endedWith401(live);
    expectError(await laptop.json('POST', '/api/auth/refresh', { headers: { cookie: `refreshToken=${oldRefresh}` } }), 'AUTH_402');
    expectError(await client().json('GET', '/api/me', { headers: { authorization: `Bearer ${oldAccess}` } }), 'GLOBAL_401');
    expectError(await client().json('POST', '/api/auth/login', { body: { email: user.email, password: 'Passw0rd!' } }), 'AUTH_201');
    expectSuccess(await client().json('POST', '/api/auth/login', { body: { email: user.email, password: NEW_PASSWORD } }), 'AUTH_000');
    expectError(await reset(http, user.email, code, 'An0therPass!'), 'AUTH_301');
  });

  it('checks in contract order: email, new password, no code, attempt budget, expiry, wrong code', async () => {
    const user = await createUser(server, {}, 'order');
    const http = client();
    expectError(await reset(http, 'bad', 'x', 'short'), 'VALID_USR_007');
    expectError(await reset(http, user.email, '123456', null), 'VALID_USR_009');
    expectError(await reset(http, user.email, '123456', 'short1'), 'VALID_USR_010');
    expectError(await reset(http, user.email, '123456', 'toolongpassword123'), 'VALID_USR_011');
    expectError(await reset(http, user.email, '123456', 'onlyletters'), 'VALID_USR_012');
    expectError(await reset(http, user.email, '123456'), 'AUTH_301');
    expectSuccess(await forgot(http, user.email), 'AUTH_007');
    const code = mailedCode(user.email)!;
    for (const guess of ['12345', 'abcdef', '1234567', '999999', '888888']) {
      expectError(await reset(http, user.email, guess === code ? '777777' : guess), 'AUTH_301');
    }
    expectError(await reset(http, user.email, code), 'AUTH_305');
    expectError(await reset(http, user.email, code), 'AUTH_301');
  });

  it('answers 410 AUTH_302 once the code is older than EMAIL_CODE_TTL_S', async () => {
    const user = await createUser(server, {}, 'expiry');
    const http = client();
    expectSuccess(await forgot(http, user.email), 'AUTH_007');
    clock.advance(301_000);
    expectError(await reset(http, user.email, mailedCode(user.email)), 'AUTH_302');
  });

  it('lifts the login lock', async () => {
    const user = await createUser(server, {}, 'locked');
    for (let i = 0; i < 3; i++) await client().json('POST', '/api/auth/login', { body: { email: user.email, password: 'Wr0ngPass!' } });
    expectError(await client().json('POST', '/api/auth/login', { body: { email: user.email, password: 'Passw0rd!' } }), 'AUTH_204');
    const http = client();
    expectSuccess(await forgot(http, user.email), 'AUTH_007');
    expectSuccess(await reset(http, user.email, mailedCode(user.email)), 'AUTH_008');
    expectSuccess(await client().json('POST', '/api/auth/login', { body: { email: user.email, password: NEW_PASSWORD } }), 'AUTH_000');
  });

  it('never takes a registration code as a reset code, nor the reverse', async () => {
    const user = await createUser(server, {}, 'apart');
    const http = client();
    expectSuccess(await forgot(http, user.email), 'AUTH_007');
    expectError(await http.json('POST', '/api/auth/email/verify', { body: { email: user.email, code: mailedCode(user.email) } }), 'AUTH_301');
    const fresh = `fresh-${Date.now()}@example.com`;
    expectSuccess(await http.json('POST', '/api/auth/email/send', { body: { email: fresh } }), 'AUTH_004');
    const registrationCode = mailedCode(fresh)!;
    expectError(await reset(http, fresh, registrationCode), 'AUTH_301');
    expectSuccess(await http.json('POST', '/api/auth/email/verify', { body: { email: fresh, code: registrationCode } }), 'AUTH_003');
  });
});

describe('POST /api/admin/users/{userId}/password/reset', () => {
  const path = (id: unknown) => `/api/admin/users/${String(id)}/password/reset`;

  it('gives the user a temporary password and ends every session', async () => {
    const user = await createUser(server, {}, 'adminreset');
    const victim = client();
    await victim.login(user.email, 'Passw0rd!');
    const live = await LiveClient.connect(server.url, { cookie: `accessToken=${victim.cookies.get('accessToken')!}` });
    const admin = client();
    await admin.login('admin@test.local', 'Admin1234!');
    const r = await admin.json('POST', path(user.id), { raw: 'not even json', headers: { 'content-type': 'text/plain' } });
    const data = expectSuccess(r, 'ADM_COM_000') as { userId: number; email: string; temporaryPassword: string };
    expect(Object.keys(data)).toEqual(['userId', 'email', 'temporaryPassword']);
    expect(data).toMatchObject({ userId: user.id, email: user.email });
    expect(data.temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    await endedWith401(live);
    expectError(await victim.json('GET', '/api/me'), 'GLOBAL_401');
    expectError(await victim.json('POST', '/api/auth/refresh'), 'AUTH_402');
    expectSuccess(await client().json('POST', '/api/auth/login', { body: { email: user.email, password: data.temporaryPassword } }), 'AUTH_000');
    expect(JSON.stringify(log.entries)).not.toContain(data.temporaryPassword);
  });

  it('refuses an unknown id (404 ADM_USR_001), an ADMIN (403 ADM_USR_003), a malformed id (400 GLOBAL_400) and non-admins', async () => {
    const admin = client();
    await admin.login('admin@test.local', 'Admin1234!');
    const adminUser = await usersOf(server).findByEmail('admin@test.local');
    expectError(await admin.json('POST', path(987654321)), 'ADM_USR_001');
    expectError(await admin.json('POST', path(adminUser!.id)), 'ADM_USR_003');
    for (const bad of ['abc', '0', '-1', '1.5']) expectError(await admin.json('POST', path(bad)), 'GLOBAL_400');
    const student = await createUser(server, {}, 'notadmin');
    const http = client();
    await http.login(student.email, 'Passw0rd!');
    expectError(await http.json('POST', path(student.id)), 'GLOBAL_403');
    expectError(await client().json('POST', path(student.id)), 'GLOBAL_401');
  });
});
