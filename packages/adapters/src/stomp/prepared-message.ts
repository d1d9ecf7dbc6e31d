import { escapeHeader } from './header-codec';
import type { StompVersion } from './stomp-frame';

/**
 * One publication, serialized once and shared by every subscription it reaches. The frame of a
 * given subscription is `head(version) + subscription line + message-id (+ ack) + tail`: only
 * string concatenation per subscriber, the JSON body and its byte length are computed once.
 */
export class PreparedMessage {
  /** `content-type`, `content-length`, the blank line, the JSON body and the NUL. */
  readonly tail: string;
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

  /** `MESSAGE` and the `destination` line, escaped for `version`. */
  head(version: StompVersion): string {
    if (version === '1.1') return (this.head11 ??= 'MESSAGE\ndestination:' + escapeHeader(this.destination, '1.1') + '\n');
    return (this.head12 ??= 'MESSAGE\ndestination:' + escapeHeader(this.destination, '1.2') + '\n');
  }

  /** The whole MESSAGE frame for one subscription. */
  frame(version: StompVersion, subscriptionLine: string, messageId: number, ack: boolean): string {
    const id = String(messageId);
    return this.head(version) + subscriptionLine + 'message-id:' + id + '\n' + (ack ? 'ack:' + id + '\n' : '') + this.tail;
  }

  /** Size of the frame in UTF-16 code units, a cheap upper-bound proxy used for buffering limits. */
  get approximateLength(): number {
    return this.tail.length + this.destination.length + 64;
  }
}
