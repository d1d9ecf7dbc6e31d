import { describe, expect, it } from 'vitest';
import { SourceRules, countLines } from '../../src/index';
import { POLICY } from './fixture';

describe('countLines (compile.md §2.1 step 8)', () => {
  it('splits on CRLF, CR and LF and drops trailing empty pieces', () => {
    expect(countLines('a')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
    expect(countLines('a\r\nb\rc\nd')).toBe(4);
    expect(countLines('a\n\n\n')).toBe(1);
    expect(countLines('a\n\nb\n')).toBe(3);
    expect(countLines('\n\na')).toBe(3);
    expect(countLines('\r\n')).toBe(0);
  });
});

describe('SourceRules', () => {
  const rules = new SourceRules({ ...POLICY, maxChars: 10, maxLines: 2 });
  const code = (r: ReturnType<typeof rules.check>) => (r.ok ? 'OK' : r.error.code);

  it('refuses a blank source before anything else', () => {
    expect(code(rules.check(' \t\r\n ', null))).toBe('VALID_002');
  });

  it('accepts the enabled languages and refuses disabled or unknown (null) ones', () => {
    expect(rules.check('int x;', 'java')).toEqual({ ok: true, value: { text: 'int x;', language: 'java' } });
    expect(rules.check('x = 1', 'python')).toEqual({ ok: true, value: { text: 'x = 1', language: 'python' } });
    expect(code(rules.check('x', 'javascript'))).toBe('COMPILE_013');
    expect(code(rules.check('x', null))).toBe('COMPILE_013');
  });

  it('counts length in UTF-16 code units, then lines, then the blacklist', () => {
    expect(code(rules.check('a'.repeat(10), 'java'))).toBe('OK');
    expect(code(rules.check('a'.repeat(11), 'java'))).toBe('VALID_004');
    expect(code(rules.check('😀😀😀😀😀😀', 'java'))).toBe('VALID_004');
    expect(code(rules.check('a\nb\nc', 'java'))).toBe('VALID_010');
    expect(code(rules.check('a\nb\n\n\n', 'java'))).toBe('OK');
    expect(code(rules.check('invoker', 'java'))).toBe('COMPILE_003');
    expect(code(rules.check('Invoke', 'java'))).toBe('OK');
    expect(code(rules.check('invoke', 'python'))).toBe('OK');
    const wide = new SourceRules(POLICY);
    expect(code(wide.check('System .  exit(0);', 'java'))).toBe('COMPILE_003');
    expect(code(wide.check('// System.exit in a comment', 'java'))).toBe('COMPILE_003');
    expect(code(rules.check('x'.repeat(11) + 'invoke', 'java'))).toBe('VALID_004');
  });

  it('throws on an invalid pattern (a configuration error)', () => {
    expect(() => new SourceRules({ ...POLICY, blacklists: { ...POLICY.blacklists, java: ['('] } })).toThrow(SyntaxError);
  });
});
