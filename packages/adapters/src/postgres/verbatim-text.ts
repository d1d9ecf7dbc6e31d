/**
 * A lossless encoding of arbitrary JavaScript strings into Postgres `text`, for the columns the
 * contract stores exactly as sent (chat content, snapshot content). Postgres text holds neither
 * U+0000 nor unpaired surrogates, so those, and the escape character itself, are written as
 * two-unit sequences introduced by the noncharacter U+FDD0:
 *
 * | original | stored |
 * |---|---|
 * | U+FDD0 | U+FDD0 U+FDD0 |
 * | U+0000 | U+FDD0 U+FDD1 |
 * | lone surrogate U+D800+n (n < 2048) | U+FDD0 U+E000+n |
 *
 * Every other character is stored as itself, so ordinary text is unchanged in the database.
 * Substring search works on encoded text (encode the needle too), except for a needle that is half
 * of a surrogate pair in the text; a needle that starts with U+FDD1 or a U+E000–U+E7FF private-use
 * character may also match inside an escape.
 */
const ESCAPE = '\uFDD0';
// eslint-disable-next-line no-control-regex -- U+0000 is one of the characters to escape
const NEEDS_ESCAPE = /\uFDD0|\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPED = /\uFDD0([\s\S])/g;

function escapeUnit(unit: string): string {
  if (unit === ESCAPE) return ESCAPE + ESCAPE;
  if (unit === '\u0000') return `${ESCAPE}\uFDD1`;
  return ESCAPE + String.fromCharCode(0xe000 + unit.charCodeAt(0) - 0xd800);
}

function unescapeUnit(whole: string, unit: string): string {
  if (unit === ESCAPE) return ESCAPE;
  if (unit === '\uFDD1') return '\u0000';
  const n = unit.charCodeAt(0) - 0xe000;
  return n >= 0 && n < 0x800 ? String.fromCharCode(0xd800 + n) : whole;
}

/** Encodes `text` for a verbatim column. */
export function encodeVerbatim(text: string): string {
  return text.replace(NEEDS_ESCAPE, escapeUnit);
}

/** Decodes a verbatim column's value; `null` stays `null`. */
export function decodeVerbatim<T extends string | null>(stored: T): T {
  return (stored === null ? null : stored.replace(ESCAPED, unescapeUnit)) as T;
}
