import { describe, expect, it } from 'vitest';
import { UserMother } from '@sooscode/domain/testing';
import { codeOf, identityFixture } from './identity-fixture';

const valid = { email: 'new@example.com', name: '김수스', password: 'abc12345', confirmPassword: 'abc12345' };

describe('RegisterUser', () => {
  it('creates a LOCAL / STUDENT / ACTIVE account with the trimmed name and the normalised email', async () => {
    const f = identityFixture();
    const r = await f.register.execute({ ...valid, email: '  New@Example.COM ', name: '  김수스  ' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value).toMatchObject({ email: 'new@example.com', name: '김수스', role: 'STUDENT', status: 'ACTIVE', provider: 'LOCAL', passwordHash: 'plain:abc12345', lastLoginAt: null });
    expect(await f.users.findByEmail('new@example.com')).toEqual(r.value);
  });

  it('checks the email owner first: INACTIVE → AUTH_103, ACTIVE → AUTH_102, before any other rule', async () => {
    const f = identityFixture();
    const gone = await f.users.create(UserMother.student({ status: 'INACTIVE' }));
    const taken = await f.users.create(UserMother.student());
    expect(codeOf(await f.register.execute({ email: gone.email.toUpperCase() }))).toBe('AUTH_103');
    expect(codeOf(await f.register.execute({ email: ` ${taken.email} `, name: '' }))).toBe('AUTH_102');
  });

  it('checks name, email, password, pattern and confirmation in contract order', async () => {
    const f = identityFixture();
    const cases: [Record<string, string | undefined>, string][] = [
      [{ email: '   ', name: undefined }, 'VALID_USR_002'],
      [{ name: '   ' }, 'VALID_USR_002'],
      [{ name: ' 김 ' }, 'VALID_USR_003'],
      [{ name: 'a'.repeat(17) }, 'VALID_USR_004'],
      [{ email: undefined }, 'VALID_USR_005'],
      [{ email: 'a@b' }, 'VALID_USR_007'],
      [{ email: `${'a'.repeat(45)}@ex.com` }, 'VALID_USR_008'],
      [{ email: 'no-at-sign' }, 'VALID_USR_006'],
      [{ password: undefined }, 'VALID_USR_009'],
      [{ password: 'ab1' }, 'VALID_USR_010'],
      [{ password: 'abcd1234abcd12345' }, 'VALID_USR_011'],
      [{ password: 'abcdefgh', confirmPassword: 'abcdefgh' }, 'VALID_USR_012'],
      [{ password: '12345678' }, 'VALID_USR_012'],
      [{ password: 'abcd 1234' }, 'VALID_USR_012'],
      [{ password: '한글abcd1234' }, 'VALID_USR_012'],
      [{ confirmPassword: undefined }, 'VALID_USR_009'],
      [{ confirmPassword: '' }, 'VALID_USR_009'],
      [{ confirmPassword: 'abc12346' }, 'VALID_USR_013'],
    ];
    for (const [patch, code] of cases) expect(codeOf(await f.register.execute({ ...valid, ...patch })), JSON.stringify(patch)).toBe(code);
    expect(f.users.all()).toHaveLength(0);
  });

  it('accepts every special character of the password pattern', async () => {
    const f = identityFixture();
    for (const [i, pw] of ['a1!@#$%^&*()', 'a1_+-={}[]', 'a1:;"\'<>,.', 'a1?/~`|\\'].entries()) {
      expect(codeOf(await f.register.execute({ ...valid, email: `p${i}@example.com`, password: pw, confirmPassword: pw })), pw).toBe('ok');
    }
  });

  it('needs a recently verified email code when verification is required, and consumes it', async () => {
    const f = identityFixture({ requireEmailVerification: true, emailVerifiedValidS: 1800 });
    expect(codeOf(await f.register.execute(valid))).toBe('AUTH_304');
    f.random.queuedDigits.push('123456');
    await f.sendEmailCode.execute({ email: valid.email, clientIp: 'ip' });
    expect(codeOf(await f.register.execute(valid))).toBe('AUTH_304');
    expect(codeOf(await f.verifyEmailCode.execute({ email: valid.email, code: '123456' }))).toBe('ok');
    f.clock.advance(1_800_001);
    expect(codeOf(await f.register.execute(valid))).toBe('AUTH_304');

    const other = { ...valid, email: 'other@example.com' };
    f.random.queuedDigits.push('654321');
    await f.sendEmailCode.execute({ email: other.email, clientIp: 'ip' });
    await f.verifyEmailCode.execute({ email: other.email, code: '654321' });
    expect(codeOf(await f.register.execute(other))).toBe('ok');
    expect(await f.verifications.get(other.email)).toBeNull();
  });

  it('answers AUTH_102 to the loser of two concurrent registrations of one email', async () => {
    const f = identityFixture();
    const results = await Promise.all([f.register.execute(valid), f.register.execute(valid)]);
    expect(results.map(codeOf).sort()).toEqual(['AUTH_102', 'ok']);
    expect(f.users.all()).toHaveLength(1);
  });
});
