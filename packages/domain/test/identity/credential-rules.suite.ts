import { describe, expect, it } from 'vitest';
import { checkConfirmation, checkEmail, checkName, checkNewPassword, checkPasswordLength, normalizeEmail, parseRole } from '@sooscode/domain';

const code = (e: { code: string } | null) => e?.code ?? null;

describe('credential rules', () => {
  it('measures the email trimmed', () => {
    expect(code(checkEmail(' a@b.c '))).toBe(null);
    expect(code(checkEmail(' a@b. '))).toBe('VALID_USR_007');
    expect(code(checkEmail(`${'a'.repeat(43)}@ex.com`))).toBe(null);
    expect(code(checkEmail('a@@b.com'))).toBe('VALID_USR_006');
    expect(code(checkEmail('a@b.com.'))).toBe(null);
  });

  it('checks only lengths at login, the pattern for new passwords', () => {
    expect(code(checkPasswordLength('        '))).toBe(null);
    expect(code(checkNewPassword('        '))).toBe('VALID_USR_012');
    expect(code(checkNewPassword('abcdefg1'))).toBe(null);
    expect(code(checkNewPassword('ABCDEFG1'))).toBe(null);
    expect(code(checkNewPassword('abcdefg1é'))).toBe('VALID_USR_012');
  });

  it('compares the confirmation exactly', () => {
    expect(code(checkConfirmation('abc12345', 'abc12345'))).toBe(null);
    expect(code(checkConfirmation('abc12345', 'abc12345 '))).toBe('VALID_USR_013');
  });

  it('counts name length in characters after trimming', () => {
    expect(code(checkName(undefined))).toBe('VALID_USR_002');
    expect(code(checkName('가나'))).toBe(null);
    expect(code(checkName('가'.repeat(16)))).toBe(null);
    expect(code(checkName(' 😀 '))).toBe('VALID_USR_003');
  });

  it('normalises emails and parses roles case-insensitively', () => {
    expect(normalizeEmail('  Kim@Example.COM ')).toBe('kim@example.com');
    expect(parseRole(' instructor ')).toBe('INSTRUCTOR');
    expect(parseRole('teacher')).toBeNull();
  });
});
