import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStorableText } from '../../src/http/storable-text';
import { decodeVerbatim, encodeVerbatim } from '../../src/postgres/verbatim-text';

/** Any string, with NUL, lone surrogates and the escape characters well represented. */
const anyText = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\ufdd0', '\ufdd1', '\ue000', '😀')), { maxLength: 12 }).map((parts) => parts.join(''));

describe('verbatim text for Postgres', () => {
  it('round-trips every string and always yields storable text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const stored = encodeVerbatim(text);
        expect(isStorableText(stored)).toBe(true);
        expect(decodeVerbatim(stored)).toBe(text);
      }),
      { seed: 14, numRuns: 2000 },
    );
  });

  it('leaves ordinary text unchanged and keeps null', () => {
    for (const text of ['', 'System.out.println("안녕");', '😀 mixed עברית', 'tab\tnew\nline']) expect(encodeVerbatim(text)).toBe(text);
    expect(decodeVerbatim(null)).toBeNull();
    expect(encodeVerbatim('a\u0000b')).toBe('a\ufdd0\ufdd1b');
  });

  it('finds an encoded needle in encoded text wherever the plain needle occurs (not splitting a surrogate pair)', () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, (before, needle, after) => {
        const whole = encodeVerbatim(before + needle + after);
        fc.pre(whole === encodeVerbatim(before) + encodeVerbatim(needle) + encodeVerbatim(after));
        expect(whole.includes(encodeVerbatim(needle))).toBe(true);
      }),
      { seed: 14, numRuns: 1000 },
    );
  });
});

describe('storable text', () => {
  it('refuses NUL and unpaired surrogates only', () => {
    expect(['a', '😀', '\ufdd0', '가'].map(isStorableText)).toEqual([true, true, true, true]);
    expect(['\u0000', 'a\ud800', '\udfffa', '\ud800\ud800'].map(isStorableText)).toEqual([false, false, false, false]);
  });
});
