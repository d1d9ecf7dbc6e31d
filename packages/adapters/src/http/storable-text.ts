/**
 * U+0000, or a UTF-16 surrogate without its partner. Neither survives Postgres `text` (NUL is refused
 * with an encoding error, a lone surrogate is replaced by U+FFFD on the way to UTF-8).
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this rule looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True when `text` can be stored and read back unchanged as database text: it holds no U+0000 and no
 * unpaired surrogate. The edge refuses other text in every field that is stored or looked up as text,
 * except the fields stored verbatim (chat and snapshot content), which the storage encodes losslessly.
 */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}
