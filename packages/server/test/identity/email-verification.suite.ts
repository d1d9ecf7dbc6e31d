import { beforeAll, describe, expect, it } from 'vitest';
import type { EmailVerificationStore } from '@sooscode/domain';
import type { SmtpSink } from '../../../adapters/test/identity/smtp-sink';
import { TOKENS } from '../../src/tokens';
import { HttpClient, type TestServer } from '../support/test-server';
import { expectError, expectSuccess, uniqueEmail, type OffsetClock, type SharedServer } from './identity-support';

/**
 * Email verification against a real SMTP server on loopback (no TLS, no AUTH), on a server that requires
 * verification for registration. TRUST_PROXY lets each test use its own client address for the limits.
 * The last test stops the SMTP server.
 */
export function emailVerificationSuite(shared: SharedServer, sink: SmtpSink): void {
  describe('email verification over SMTP', () => {
    let server: TestServer;
    let clock: OffsetClock;
    let ip = 0;
    beforeAll(() => {
      server = shared.server;
      clock = shared.clock;
    });

    const client = () => new HttpClient(server.url, { 'x-forwarded-for': `198.51.100.${++ip}` });
    const send = (http: HttpClient, email: string) => http.json('POST', '/api/auth/email/send', { body: { email } });
    const verify = (http: HttpClient, email: string, code: unknown) => http.json('POST', '/api/auth/email/verify', { body: { email, code } });
    const register = (http: HttpClient, email: string) =>
      http.json('POST', '/api/auth/register', { body: { email, name: '김수스', password: 'abc12345', confirmPassword: 'abc12345' } });
    const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    it('sends a code by mail, verifies it once, and lets registration consume the verification', async () => {
      const http = client();
      const email = uniqueEmail('verify');
      expectSuccess(await http.json('GET', `/api/auth/email/check?email=${encodeURIComponent(email)}`), 'AUTH_003');
      expectError(await register(http, email), 'AUTH_304');
      expectSuccess(await send(http, email), 'AUTH_004');
      const mail = sink.to(email);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toContain('SoosCode');
      const code = sink.codeFor(email)!;
      expect(code).toMatch(/^\d{6}$/);
      expectError(await register(http, email), 'AUTH_304');
      expectSuccess(await verify(http, email.toUpperCase(), code), 'AUTH_003');
      expectError(await verify(http, email, code), 'AUTH_301');
      const r = await register(http, email);
      expect(r.status).toBe(201);
      expect(await server.container.get<EmailVerificationStore>(TOKENS.EmailVerificationStore).get(email)).toBeNull();
      expectError(await http.json('GET', `/api/auth/email/check?email=${encodeURIComponent(email)}`), 'AUTH_102');
      expectError(await send(http, email), 'AUTH_102');
    });

    it('answers 410 AUTH_302 for an expired code', async () => {
      const http = client();
      const email = uniqueEmail('expire');
      expectSuccess(await send(http, email), 'AUTH_004');
      clock.advance(301_000);
      expectError(await verify(http, email, sink.codeFor(email)), 'AUTH_302');
      expectError(await register(http, email), 'AUTH_304');
    });

    it('uses up the attempts with wrong codes: AUTH_301 ×5, then 429 AUTH_305, then the code is void', async () => {
      const http = client();
      const email = uniqueEmail('guess');
      expectSuccess(await send(http, email), 'AUTH_004');
      const code = sink.codeFor(email)!;
      for (const wrong of [wrongCode(code), 'abcdef', 12, `${code} `, '']) expectError(await verify(http, email, wrong), 'AUTH_301');
      expectError(await verify(http, email, code), 'AUTH_305');
      expectError(await verify(http, email, code), 'AUTH_301');
      expectError(await register(http, email), 'AUTH_304');
    });

    it('limits sends: a second send within a minute gets 429 AUTH_306 with Retry-After', async () => {
      const http = client();
      const email = uniqueEmail('limit');
      expectSuccess(await send(http, email), 'AUTH_004');
      const limited = await send(http, email);
      expectError(limited, 'AUTH_306');
      expect(Number(limited.res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(sink.to(email)).toHaveLength(1);
    });

    it('answers AUTH_303 when the mail server refuses the message, and stores no code', async () => {
      const http = client();
      const email = uniqueEmail('refused');
      sink.refuseRecipients = true;
      try {
        expectError(await send(http, email), 'AUTH_303');
      } finally {
        sink.refuseRecipients = false;
      }
      expectError(await verify(http, email, '123456'), 'AUTH_301');
    });

    it('checks the send and verify input rules', async () => {
      const http = client();
      expectError(await send(http, ''), 'VALID_USR_005');
      expectError(await send(http, 'a@b'), 'VALID_USR_007');
      expectError(await send(http, 'not-an-email'), 'VALID_USR_006');
      expectError(await http.json('POST', '/api/auth/email/send', { body: { email: {} } }), 'GLOBAL_410', 'email: 형식이 올바르지 않습니다');
      expectError(await verify(http, 'a@b', '123456'), 'VALID_USR_007');
      expectError(await verify(http, uniqueEmail('never'), '123456'), 'AUTH_301');
      expectError(await http.json('POST', '/api/auth/email/verify', { raw: 'code=1', headers: { 'content-type': 'text/plain' } }), 'GLOBAL_415');
    });

    it('GET /api/auth/email/check: missing email 400 GLOBAL_411, taken AUTH_102, 429 GLOBAL_429 after 30 per minute', async () => {
      const http = client();
      expectError(await http.json('GET', '/api/auth/email/check'), 'GLOBAL_411', 'email: 필수 값입니다');
      expectError(await http.json('GET', '/api/auth/email/check?email='), 'GLOBAL_411', 'email: 필수 값입니다');
      const taken = await registerUserVerified(http);
      expectError(await http.json('GET', `/api/auth/email/check?email=${encodeURIComponent(taken.toUpperCase())}`), 'AUTH_102');
      expectSuccess(await http.json('GET', '/api/auth/email/check?email=anything-goes'), 'AUTH_003');
      const spam = client();
      for (let i = 0; i < 30; i++) expect((await spam.json('GET', `/api/auth/email/check?email=s${i}@example.com`)).status).toBe(200);
      expectError(await spam.json('GET', '/api/auth/email/check?email=s@example.com'), 'GLOBAL_429');
      expectSuccess(await client().json('GET', '/api/auth/email/check?email=s@example.com'), 'AUTH_003');
    });

    it('answers 400 AUTH_303 when the SMTP server is down, and stores no code', async () => {
      await sink.stop();
      const http = client();
      const email = uniqueEmail('down');
      expectError(await send(http, email), 'AUTH_303');
      expectError(await verify(http, email, '123456'), 'AUTH_301');
      expectError(await register(http, email), 'AUTH_304');
    });

    /** Registers through the whole verified flow and returns the email. */
    async function registerUserVerified(http: HttpClient): Promise<string> {
      const email = uniqueEmail('taken');
      await send(http, email);
      await verify(http, email, sink.codeFor(email));
      expect((await register(http, email)).status).toBe(201);
      return email;
    }
  });
}
