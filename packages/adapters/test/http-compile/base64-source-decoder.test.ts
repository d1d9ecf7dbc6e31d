import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Base64SourceDecoder } from '../../src/http/compile/base64-source-decoder';

const decoder = new Base64SourceDecoder();
/** What the real client sends: btoa(unescape(encodeURIComponent(source))). */
const clientEncode = (s: string) => btoa(unescape(encodeURIComponent(s)));

describe('Base64SourceDecoder (compile.md §2.1 step 4)', () => {
  it('round-trips what the real client encodes, Korean and emoji included', () => {
    for (const s of ['public class Main {}', '안녕하세요\n', '😀 x', '\r\n\t', 'a']) expect(decoder.decode(clientEncode(s))).toBe(s);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => decoder.decode(clientEncode(s)) === s));
  });

  it('accepts padding when correct and its absence', () => {
    expect(decoder.decode('YQ==')).toBe('a');
    expect(decoder.decode('YQ')).toBe('a');
    expect(decoder.decode('YWI=')).toBe('ab');
    expect(decoder.decode('YWI')).toBe('ab');
    expect(decoder.decode('YWJj')).toBe('abc');
  });

  it('refuses wrong padding, whitespace, other alphabets and stray characters', () => {
    for (const bad of ['YQ=', 'YQ===', 'YWI==', 'Y', 'YWJjZ', '=YWJj', 'YW Jj', 'YWJj\n', ' YWJj', 'YW-j', 'YW_j', 'YWJj!', 'YQ==YQ==', '====']) {
      expect([bad, decoder.decode(bad)]).toEqual([bad, undefined]);
    }
  });

  it('refuses bytes that are not UTF-8, decoding strictly', () => {
    const b = (bytes: number[]) => Buffer.from(bytes).toString('base64');
    expect(decoder.decode(b([0xff]))).toBeUndefined();
    expect(decoder.decode(b([0xc3]))).toBeUndefined(); // truncated sequence
    expect(decoder.decode(b([0xc0, 0xaf]))).toBeUndefined(); // overlong '/'
    expect(decoder.decode(b([0xed, 0xa0, 0x80]))).toBeUndefined(); // encoded surrogate
    expect(decoder.decode(b([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa'); // a BOM is kept
  });
});
