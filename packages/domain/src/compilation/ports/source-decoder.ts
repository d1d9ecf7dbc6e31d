/**
 * Decodes the `code` field of `POST /api/compile/run` (compile.md §2.1 step 4): standard Base64
 * (alphabet `A–Z a–z 0–9 + /`, `=` padding optional but correct when present, no whitespace)
 * of UTF-8 bytes, decoded strictly.
 */
export interface SourceDecoder {
  /** The source text, or `undefined` when `encoded` is not such Base64 or its bytes are not UTF-8. */
  decode(encoded: string): string | undefined;
}
