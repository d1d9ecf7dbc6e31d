import { err, ok, type Result } from '@sooscode/domain';
import type { RawHeader, StompVersion } from './stomp-frame';
import { StompFrameError } from './stomp-frame-error';

/**
 * Which header escapes apply to a frame:
 * - `none`: STOMP 1.0, and CONNECT / STOMP / CONNECTED frames of every version;
 * - `1.1`: `\n`, `\c`, `\\`;
 * - `1.2`: `\r`, `\n`, `\c`, `\\`.
 */
export type EscapeMode = 'none' | '1.1' | '1.2';

const UNESCAPED_COMMANDS = new Set(['CONNECT', 'STOMP', 'CONNECTED']);

/** The escape mode of `command` in a session speaking `version`. */
export function escapeModeOf(version: StompVersion, command: string): EscapeMode {
  if (version === '1.0' || UNESCAPED_COMMANDS.has(command)) return 'none';
  return version;
}

/**
 * Decodes raw headers: resolves escapes per `mode` and keeps the first occurrence of each name.
 * Values are not trimmed. An undefined escape (or a trailing backslash) is a `GLOBAL_400` error.
 */
export function decodeHeaders(raw: readonly RawHeader[], mode: EscapeMode): Result<Map<string, string>, StompFrameError> {
  const headers = new Map<string, string>();
  for (const [rawName, rawValue] of raw) {
    const name = unescapeHeader(rawName, mode);
    const value = unescapeHeader(rawValue, mode);
    if (name === undefined || value === undefined) return err(StompFrameError.malformed('undefined escape sequence'));
    if (!headers.has(name)) headers.set(name, value);
  }
  return ok(headers);
}

/** Resolves the escapes of one header name or value; `undefined` when an escape is undefined. */
export function unescapeHeader(text: string, mode: EscapeMode): string | undefined {
  if (mode === 'none' || !text.includes('\\')) return text;
  let out = '';
  let from = 0;
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', from)) {
    out += text.slice(from, i);
    const next = text[i + 1];
    if (next === 'n') out += '\n';
    else if (next === 'c') out += ':';
    else if (next === '\\') out += '\\';
    else if (next === 'r' && mode === '1.2') out += '\r';
    else return undefined;
    from = i + 2;
  }
  return out + text.slice(from);
}

const NEEDS_ESCAPE_12 = /[\\\r\n:]/;
const NEEDS_ESCAPE_11 = /[\\\n:]/;

/** Escapes one header name or value for `mode`. Mode `none` returns the text unchanged. */
export function escapeHeader(text: string, mode: EscapeMode): string {
  if (mode === 'none') return text;
  if (!(mode === '1.2' ? NEEDS_ESCAPE_12 : NEEDS_ESCAPE_11).test(text)) return text;
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === ':') out += '\\c';
    else if (ch === '\r' && mode === '1.2') out += '\\r';
    else out += ch;
  }
  return out;
}
