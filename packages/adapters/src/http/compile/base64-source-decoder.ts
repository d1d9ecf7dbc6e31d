/**
 * Standard Base64 as compile.md §2.1 step 4 accepts it: only `A–Z a–z 0–9 + /`, groups of four,
 * and a last group of two or three characters, padded with `=` to four or not padded at all.
 * No whitespace, no URL-safe alphabet, no stray `=`.
 */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

/**
 * Decodes the compile `code` field (compile.md §2.1 step 4): strict Base64, then strict UTF-8
 * (malformed sequences, overlong forms and encoded surrogates are refused; a leading byte-order
 * mark is kept as U+FEFF).
 */
export class Base64SourceDecoder {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  /** The source text, or `undefined` when `encoded` is not such Base64 or its bytes are not UTF-8. */
  decode(encoded: string): string | undefined {
    if (!STRICT_BASE64.test(encoded)) return undefined;
    try {
      return this.utf8.decode(Buffer.from(encoded, 'base64'));
    } catch {
      return undefined;
    }
  }
}
