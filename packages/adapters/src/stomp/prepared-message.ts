import { escapeHeader } from './header-codec';
import type { StompVersion } from './stomp-frame';

/**
 * One publication, serialized once and shared by every subscription it reaches. A subscription's
 * MESSAGE frame is `head(version)` + its own `subscription` / `message-id` (/ `ack`) lines +
 * `tail`: per subscriber only a string concatenation, which the socket encodes while writing.
 * Frames are strings rather than slices of Node's shared Buffer pool on purpose: a frame queued
 * for a slow consumer then holds only its own memory, not an 8 KiB pool slab.
 */
export class PreparedMessage {
  /** `content-type`, `content-length`, the blank line, the JSON body and the NUL. */
  private readonly tail: string;
  private head12: string | undefined;
  private head11: string | undefined;

  constructor(
    readonly destination: string,
    readonly json: string,
  ) {
    this.tail = 'content-type:application/json\ncontent-length:' + Buffer.byteLength(json, 'utf8') + '\n\n' + json + '\0';
  }

  /** Serializes `payload` (a JSON object) once. Throws what `JSON.stringify` throws. */
  static of(destination: string, payload: object): PreparedMessage {
    return new PreparedMessage(destination, JSON.stringify(payload));
  }

  /** The MESSAGE frame for one subscription; `subscriptionLine` is its `subscription:<id>\n`. */
  frame(version: StompVersion, subscriptionLine: string, messageId: number, ack: boolean): string {
    const id = String(messageId);
    return this.head(version) + subscriptionLine + 'message-id:' + id + '\n' + (ack ? 'ack:' + id + '\n' : '') + this.tail;
  }

  /** Size of the shared part of the frame (used to bound held-back messages). */
  get approximateLength(): number {
    return this.tail.length + this.destination.length + 64;
  }

  /** `MESSAGE` and the `destination` line, escaped for `version`. */
  private head(version: StompVersion): string {
    if (version === '1.1') return (this.head11 ??= 'MESSAGE\ndestination:' + escapeHeader(this.destination, '1.1') + '\n');
    return (this.head12 ??= 'MESSAGE\ndestination:' + escapeHeader(this.destination, '1.2') + '\n');
  }
}
