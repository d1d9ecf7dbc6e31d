import { escapeHeader, escapeModeOf } from './header-codec';
import type { StompVersion } from './stomp-frame';

/** A frame to write. `body`, when given, is UTF-8 text (every body this server sends is JSON). */
export interface OutboundFrame {
  readonly command: string;
  readonly headers: Iterable<readonly [string, string]>;
  readonly body?: string;
}

/**
 * Serializes a frame as the text of one transport message, NUL included. Header names and values
 * are escaped for `version` (never for CONNECTED). When there is a body, a `content-length`
 * header (UTF-8 octets) is appended unless the caller already placed one.
 */
export function serializeFrame(frame: OutboundFrame, version: StompVersion): string {
  const mode = escapeModeOf(version, frame.command);
  let text = frame.command + '\n';
  let hasLength = false;
  for (const [name, value] of frame.headers) {
    if (name === 'content-length') hasLength = true;
    text += escapeHeader(name, mode) + ':' + escapeHeader(value, mode) + '\n';
  }
  if (frame.body === undefined) return text + '\n\0';
  if (!hasLength) text += 'content-length:' + Buffer.byteLength(frame.body, 'utf8') + '\n';
  return text + '\n' + frame.body + '\0';
}

/** The single EOL a server sends as a heart-beat. */
export const HEARTBEAT_EOL = '\n';
