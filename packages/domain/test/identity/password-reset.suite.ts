import { describe, expect, it } from 'vitest';
import { UserMother } from '@sooscode/domain/testing';
import { codeOf, identityFixture, type IdentityFixture } from './identity-fixture';

async function forgot(f: IdentityFixture, email: string, code = '123456', clientIp = 'ip') {
  f.random.queuedDigits.push(code);
  const r = await f.sendPasswordResetCode.execute({ email, clientIp });
  if (f.random.queuedDigits.at(-1) === code) f.random.queuedDigits.pop();
  return r;
}

const NEW_PASSWORD = 'NewPassw0rd!';

describe('SendPasswordResetCode', () => {
  it('mails a code to an ACTIVE LOCAL account only, and answers the same for everyone else', async () => {
    const f = identityFixture();
    const user = await f.student();
    const google = await f.users.create(UserMother.student({ provider: 'GOOGLE' }));
    const gone = await f.users.create(UserMother.student({ status: 'INACTIVE' }));
    expect(codeOf(await forgot(f, user.email.toUpperCase()))).toBe('ok');
    expect(f.mailer.sent).toHaveLength(1);
    expect(f.mailer.sent[0]).toMatchObject({ to: user.email });
    expect(f.mailer.sent[0]!.text).toContain('123456');
    expect(JSON.stringify(await f.resetCodes.get(user.email))).not.toContain('123456');
    for (const email of ['nobody@example.com', google.email, gone.email]) expect(codeOf(await forgot(f, email))).toBe('ok');
    expect(f.mailer.sent).toHaveLength(1);
    expect(await f.verifications.get(user.email)).toBeNull();
  });

  it('checks the email rules, then the send limits (also for unknown emails), then the mail', async () => {
    const f = identityFixture();
    expect(codeOf(await forgot(f, 'bad'))).toBe('VALID_USR_007');
    expect(codeOf(await f.sendPasswordResetCode.execute({ clientIp: 'ip' }))).toBe('VALID_USR_005');
    expect(codeOf(await forgot(f, 'ghost@example.com'))).toBe('ok');
    expect(await forgot(f, 'ghost@example.com')).toEqual({ ok: false, error: { code: 'AUTH_306', retryAfterS: 60 } });
    const user = await f.student();
    const failing = identityFixture();
    const u2 = await failing.users.create(UserMother.student());
    failing.mailer.failNext = true;
    expect(codeOf(await forgot(failing, u2.email))).toBe('AUTH_303');
    expect(await failing.resetCodes.get(u2.email)).toBeNull();
    expect(codeOf(await forgot(f, user.email))).toBe('ok');
  });
});

describe('ResetPassword', () => {
  it('replaces the password, revokes every family, closes live sessions, lifts the login lock and consumes the code', async () => {
    const f = identityFixture();
    const user = await f.student();
    const a = await f.session(user.email);
    await f.session(user.email);
    for (let i = 0; i < 10; i++) await f.logIn.execute({ email: user.email, password: 'Wr0ngpass!', clientIp: '1.1.1.1' });
    expect(codeOf(await f.logIn.execute({ email: user.email, password: 'Passw0rd!', clientIp: '1.1.1.2' }))).toBe('AUTH_204');
    await forgot(f, user.email, '654321');
    expect(codeOf(await f.resetPassword.execute({ email: user.email, code: '654321', newPassword: NEW_PASSWORD }))).toBe('ok');
    expect((await f.users.findById(user.id))!.passwordHash).toBe(`plain:${NEW_PASSWORD}`);
    expect(codeOf(await f.refresh.execute(a.refreshToken))).toBe('AUTH_402');
    expect(f.terminator.closedUsers).toContain(user.id);
    expect(codeOf(await f.logIn.execute({ email: user.email, password: NEW_PASSWORD, clientIp: '1.1.1.2' }))).toBe('ok');
    expect(codeOf(await f.resetPassword.execute({ email: user.email, code: '654321', newPassword: 'Another1!' }))).toBe('AUTH_301');
  });

  it('checks in contract order: email, new password, no code, budget, expiry, wrong code', async () => {
    const f = identityFixture();
    const user = await f.student();
    expect(codeOf(await f.resetPassword.execute({ email: 'x', code: '1', newPassword: 'short' }))).toBe('VALID_USR_007');
    expect(codeOf(await f.resetPassword.execute({ email: user.email, code: '1' }))).toBe('VALID_USR_009');
    expect(codeOf(await f.resetPassword.execute({ email: user.email, code: '1', newPassword: 'onlyletters' }))).toBe('VALID_USR_012');
    expect(codeOf(await f.resetPassword.execute({ email: user.email, code: '111111', newPassword: NEW_PASSWORD }))).toBe('AUTH_301');
    await forgot(f, user.email, '111111');
    for (let i = 0; i < 5; i++) expect(codeOf(await f.resetPassword.execute({ email: user.email, code: '999999', newPassword: NEW_PASSWORD }))).toBe('AUTH_301');
    expect(await f.resetPassword.execute({ email: user.email, code: '111111', newPassword: NEW_PASSWORD })).toMatchObject({ error: { code: 'AUTH_305' } });
    expect(codeOf(await f.resetPassword.execute({ email: user.email, code: '111111', newPassword: NEW_PASSWORD }))).toBe('AUTH_301');
    f.clock.advance(60_000);
    await forgot(f, user.email, '222222');
    f.clock.advance(300_000);
    expect(codeOf(await f.resetPassword.execute({ email: user.email, code: '222222', newPassword: NEW_PASSWORD }))).toBe('AUTH_302');
  });

  it('keeps reset codes and registration codes apart', async () => {
    const f = identityFixture();
    const user = await f.student();
    await forgot(f, user.email, '333333');
    expect(codeOf(await f.verifyEmailCode.execute({ email: user.email, code: '333333' }))).toBe('AUTH_301');
    f.random.queuedDigits.push('444444');
    expect(codeOf(await f.sendEmailCode.execute({ email: 'fresh@example.com', clientIp: 'ip' }))).toBe('ok');
    expect(codeOf(await f.resetPassword.execute({ email: 'fresh@example.com', code: '444444', newPassword: NEW_PASSWORD }))).toBe('AUTH_301');
    expect(codeOf(await f.verifyEmailCode.execute({ email: 'fresh@example.com', code: '444444' }))).toBe('ok');
  });

  it('refuses a code whose account is no longer ACTIVE', async () => {
    const f = identityFixture();
    const user = await f.student();
    await forgot(f, user.email, '555555');
    await f.endUserAccess.execute(user.id);
    expect(codeOf(await f.resetPassword.execute({ email: user.email, code: '555555', newPassword: NEW_PASSWORD }))).toBe('AUTH_301');
    expect((await f.users.findById(user.id))!.passwordHash).toBe('plain:Passw0rd!');
  });
});
