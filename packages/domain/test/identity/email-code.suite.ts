import { describe, expect, it } from 'vitest';
import { UserMother } from '@sooscode/domain/testing';
import { codeOf, identityFixture, type IdentityFixture } from './identity-fixture';

async function send(f: IdentityFixture, email: string, code = '111111', clientIp = 'ip') {
  f.random.queuedDigits.push(code);
  return f.sendEmailCode.execute({ email, clientIp });
}

describe('SendEmailCode', () => {
  it('mails a 6-digit code and stores only a keyed digest of it', async () => {
    const f = identityFixture();
    expect(codeOf(await send(f, ' Kim@Example.com ', '042917'))).toBe('ok');
    expect(f.mailer.sent).toHaveLength(1);
    expect(f.mailer.sent[0]!.to).toBe('kim@example.com');
    expect(f.mailer.sent[0]!.text).toContain('042917');
    const stored = await f.verifications.get('kim@example.com');
    expect(stored).toMatchObject({ failedAttempts: 0, verifiedAt: null, expiresAt: new Date(f.clock.now().getTime() + 300_000) });
    expect(JSON.stringify(stored)).not.toContain('042917');
  });

  it('answers AUTH_102 for an email of any account, before the email rules', async () => {
    const f = identityFixture();
    const gone = await f.users.create(UserMother.student({ status: 'INACTIVE' }));
    expect(codeOf(await send(f, gone.email.toUpperCase()))).toBe('AUTH_102');
    expect(codeOf(await send(f, 'bad'))).toBe('VALID_USR_007');
    expect(codeOf(await f.sendEmailCode.execute({ clientIp: 'ip' }))).toBe('VALID_USR_005');
    expect(f.mailer.sent).toHaveLength(0);
  });

  it('limits sends per email (1 per 60 s, 5 per hour) and per address (20 per hour) with AUTH_306', async () => {
    const f = identityFixture();
    expect(codeOf(await send(f, 'a@example.com'))).toBe('ok');
    expect(await send(f, 'a@example.com')).toEqual({ ok: false, error: { code: 'AUTH_306', retryAfterS: 60 } });
    for (let i = 0; i < 4; i++) {
      f.clock.advance(60_000);
      expect(codeOf(await send(f, 'a@example.com'))).toBe('ok');
    }
    f.clock.advance(60_000);
    expect(await send(f, 'a@example.com')).toMatchObject({ error: { code: 'AUTH_306', retryAfterS: 3600 - 300 } });
    const g = identityFixture();
    for (let i = 0; i < 20; i++) expect(codeOf(await send(g, `u${i}@example.com`, '111111', '9.9.9.9'))).toBe('ok');
    expect(codeOf(await send(g, 'u20@example.com', '111111', '9.9.9.9'))).toBe('AUTH_306');
    expect(codeOf(await send(g, 'u20@example.com', '111111', '8.8.8.8'))).toBe('ok');
  });

  it('lets only one of several concurrent sends to one email through', async () => {
    const f = identityFixture();
    const results = await Promise.all(Array.from({ length: 5 }, () => f.sendEmailCode.execute({ email: 'race@example.com', clientIp: 'ip' })));
    expect(results.map(codeOf).sort()).toEqual(['AUTH_306', 'AUTH_306', 'AUTH_306', 'AUTH_306', 'ok']);
    expect(f.mailer.sent).toHaveLength(1);
  });

  it('answers AUTH_303 when the mail is refused and stores no code', async () => {
    const f = identityFixture();
    f.mailer.failNext = true;
    expect(codeOf(await send(f, 'down@example.com', '222222'))).toBe('AUTH_303');
    expect(await f.verifications.get('down@example.com')).toBeNull();
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'down@example.com', code: '222222' }))).toBe('AUTH_301');
  });
});

describe('VerifyEmailCode', () => {
  it('verifies the current code once; a second verify is AUTH_301', async () => {
    const f = identityFixture();
    await send(f, 'v@example.com', '314159');
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'V@example.com', code: '314159' }))).toBe('ok');
    expect((await f.verifications.get('v@example.com'))?.verifiedAt).toEqual(f.clock.now());
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'v@example.com', code: '314159' }))).toBe('AUTH_301');
  });

  it('checks the email rules first and answers AUTH_301 when no code was sent', async () => {
    const f = identityFixture();
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'x', code: '123456' }))).toBe('VALID_USR_007');
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'none@example.com', code: '123456' }))).toBe('AUTH_301');
  });

  it('answers 410 AUTH_302 once the code expired', async () => {
    const f = identityFixture({ emailCodeTtlS: 300 });
    await send(f, 'e@example.com', '271828');
    f.clock.advance(300_000);
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'e@example.com', code: '271828' }))).toBe('AUTH_302');
  });

  it('counts wrong codes (anything but 6 digits is wrong), then AUTH_305 and the code is void', async () => {
    const f = identityFixture({ emailCodeMaxAttempts: 5 });
    await send(f, 'w@example.com', '000001');
    for (const wrong of ['000002', '1', '０００００１', '00000１', undefined]) {
      expect(codeOf(await f.verifyEmailCode.execute({ email: 'w@example.com', code: wrong })), String(wrong)).toBe('AUTH_301');
    }
    expect((await f.verifications.get('w@example.com'))?.failedAttempts).toBe(5);
    f.clock.advance(20_000);
    // Like every 429 it carries a retry time: until a new code may be sent (60 s after the last send).
    expect(await f.verifyEmailCode.execute({ email: 'w@example.com', code: '000001' })).toEqual({ ok: false, error: { code: 'AUTH_305', retryAfterS: 40 } });
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'w@example.com', code: '000001' }))).toBe('AUTH_301');
    f.clock.advance(40_000);
    expect(codeOf(await send(f, 'w@example.com', '000003'))).toBe('ok');
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'w@example.com', code: '000003' }))).toBe('ok');
  });

  it('accepts the right code on the last allowed attempt', async () => {
    const f = identityFixture({ emailCodeMaxAttempts: 3 });
    await send(f, 'l@example.com', '123123');
    await f.verifyEmailCode.execute({ email: 'l@example.com', code: '999999' });
    await f.verifyEmailCode.execute({ email: 'l@example.com', code: '999998' });
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'l@example.com', code: '123123' }))).toBe('ok');
  });

  it('keeps the attempt budget under concurrent guesses', async () => {
    const f = identityFixture({ emailCodeMaxAttempts: 5 });
    await send(f, 'p@example.com', '555555');
    const guesses = Array.from({ length: 20 }, (_, i) => f.verifyEmailCode.execute({ email: 'p@example.com', code: String(100000 + i) }));
    const codes = (await Promise.all(guesses)).map(codeOf);
    expect(codes.filter((c) => c === 'AUTH_301')).toHaveLength(5);
    expect(codes.filter((c) => c === 'AUTH_305')).toHaveLength(15);
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'p@example.com', code: '555555' }))).toBe('AUTH_301');
  });

  it('supersedes an older code with a newer send', async () => {
    const f = identityFixture();
    await send(f, 's@example.com', '111111');
    f.clock.advance(60_000);
    await send(f, 's@example.com', '222222');
    expect(codeOf(await f.verifyEmailCode.execute({ email: 's@example.com', code: '111111' }))).toBe('AUTH_301');
    expect(codeOf(await f.verifyEmailCode.execute({ email: 's@example.com', code: '222222' }))).toBe('ok');
  });
});

describe('CheckEmailAvailability', () => {
  it('answers AUTH_102 only for an ACTIVE account, without a format check', async () => {
    const f = identityFixture();
    const active = await f.student();
    const gone = await f.users.create(UserMother.student({ status: 'INACTIVE' }));
    expect(codeOf(await f.checkEmail.execute({ email: active.email.toUpperCase(), clientIp: 'ip' }))).toBe('AUTH_102');
    expect(codeOf(await f.checkEmail.execute({ email: gone.email, clientIp: 'ip' }))).toBe('ok');
    expect(codeOf(await f.checkEmail.execute({ email: 'not an email', clientIp: 'ip' }))).toBe('ok');
  });

  it('allows 30 checks per minute per address, then GLOBAL_429 with a retry time', async () => {
    const f = identityFixture();
    for (let i = 0; i < 30; i++) expect(codeOf(await f.checkEmail.execute({ email: `c${i}@x.com`, clientIp: 'a' }))).toBe('ok');
    expect(await f.checkEmail.execute({ email: 'c@x.com', clientIp: 'a' })).toEqual({ ok: false, error: { code: 'GLOBAL_429', retryAfterS: 60 } });
    expect(codeOf(await f.checkEmail.execute({ email: 'c@x.com', clientIp: 'b' }))).toBe('ok');
    f.clock.advance(60_000);
    expect(codeOf(await f.checkEmail.execute({ email: 'c@x.com', clientIp: 'a' }))).toBe('ok');
  });
});
