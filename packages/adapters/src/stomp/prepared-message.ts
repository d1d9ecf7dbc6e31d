import { escapeHeader } from './header-codec';
import type { StompVersion } from './stomp-frame';

/**
 * One publication, serialized and UTF-8 encoded once, shared by every subscription it reaches.
 * A subscription's MESSAGE frame is `head(version)` + its own `subscription` / `message-id`
 * (/ `ack`) lines + `tail`; per subscriber only those few header bytes are encoded, the JSON body
 * is copied as bytes.
 */
export class PreparedMessage {
  /** `content-type`, `content-length`, the blank line, the JSON body and the NUL, as UTF-8. */
  private readonly tail: Buffer;
  private head12: Buffer | undefined;
  private head11: Buffer | undefined;

  constructor(
    readonly destination: string,
    readonly json: string,
  ) {
    this.tail = Buffer.from('content-type:application/json\ncontent-length:' + Buffer.byteLength(json, 'utf8') + '\n\n' + json + '\0', 'utf8');
  }

  /** Serializes `payload` (a JSON object) once. Throws what `JSON.stringify` throws. */
  static of(destination: string, payload: object): PreparedMessage {
    return new PreparedMessage(destination, JSON.stringify(payload));
  }

  /**
   * The whole MESSAGE frame for one subscription, as UTF-8 bytes. `subscriptionLine` is the
   * subscription's pre-encoded `subscription:<id>\n`. Written straight into one buffer, so that a
   * delivery allocates nothing else.
   */
  frame(version: StompVersion, subscriptionLine: Buffer, messageId: number, ack: boolean): Buffer {
    const head = this.head(version);
    const digits = decimalLength(messageId);
    const idLines = MESSAGE_ID.length + digits + 1 + (ack ? ACK.length + digits + 1 : 0);
    const frame = Buffer.allocUnsafe(head.length + subscriptionLine.length + idLines + this.tail.length);
    frame.set(head, 0);
    let at = head.length;
    frame.set(subscriptionLine, at);
    at = writeLine(frame, at + subscriptionLine.length, MESSAGE_ID, messageId, digits);
    if (ack) at = writeLine(frame, at, ACK, messageId, digits);
    frame.set(this.tail, at);
    return frame;
  }

  /** Bytes of a frame without the per-subscription lines (used to bound held-back messages). */
  get approximateLength(): number {
    return this.tail.length + this.destination.length + 64;
  }

  /** `MESSAGE` and the `destination` line, escaped for `version`. */
  private head(version: StompVersion): Buffer {
    if (version === '1.1') return (this.head11 ??= headOf(this.destination, '1.1'));
    return (this.head12 ??= headOf(this.destination, '1.2'));
  }
}

const MESSAGE_ID = Buffer.from('message-id:');
const ACK = Buffer.from('ack:');

/** Writes `<name><value>\n` (value: a non-negative integer of `digits` digits); returns the end. */
function writeLine(frame: Buffer, at: number, name: Buffer, value: number, digits: number): number {
  frame.set(name, at);
  let end = at + name.length + digits;
  frame[end] = 0x0a;
  for (let v = value, i = end - 1; i >= at + name.length; i--, v = Math.floor(v / 10)) frame[i] = 0x30 + (v % 10);
  return ++end;
}

function decimalLength(value: number): number {
  let digits = 1;
  for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
  return digits;
}

function headOf(destination: string, mode: '1.1' | '1.2'): Buffer {
  return Buffer.from('MESSAGE\ndestination:' + escapeHeader(destination, mode) + '\n', 'utf8');
}
