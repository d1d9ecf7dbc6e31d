import { FrameParser } from '../../../src/stomp/frame-parser';
import { decodeHeaders, escapeModeOf } from '../../../src/stomp/header-codec';
import type { StompFrame } from '../../../src/stomp/stomp-frame';
import type { HandshakeInfo, StompSocket } from '../../../src/stomp/stomp-socket';

/** Decodes server output into frames (CONNECTED unescaped, others per 1.2). */
export function parseServerOutput(texts: readonly string[]): StompFrame[] {
  const parser = new FrameParser({ maxFrameBytes: 10_000_000, maxHeaderBytes: 100_000, maxHeaders: 1000 });
  const frames: StompFrame[] = [];
  for (const text of texts) {
    const { frames: raw, error } = parser.push(text);
    if (error) throw error;
    for (const frame of raw) {
      const headers = decodeHeaders(frame.headers, escapeModeOf('1.2', frame.command));
      if (!headers.ok) throw headers.error;
      frames.push({ command: frame.command, headers: headers.value, body: frame.body });
    }
  }
  return frames;
}

/** An in-memory `StompSocket` that records what the session writes. */
export class MemorySocket implements StompSocket {
  readonly sent: string[] = [];
  closedWith: { code: number; reason: string } | undefined;
  bufferedAmount = 0;
  sentBytes = 0;
  /** When false, sent bytes stay in `bufferedAmount` (a blocked peer). */
  autoFlush = true;
  pauses = 0;
  resumes = 0;

  constructor(readonly handshake: HandshakeInfo = { cookies: {} }) {}

  send(message: string | Buffer): void {
    if (this.closedWith) return;
    const text = typeof message === 'string' ? message : message.toString('utf8');
    this.sent.push(text);
    this.sentBytes += Buffer.byteLength(text);
    if (!this.autoFlush) this.bufferedAmount += Buffer.byteLength(text);
  }

  /** The peer reads everything queued so far. */
  flush(): void {
    this.bufferedAmount = 0;
  }

  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason };
  }

  pause(): void {
    this.pauses++;
  }

  resume(): void {
    this.resumes++;
  }

  frames(): StompFrame[] {
    return parseServerOutput(this.sent);
  }

  commands(): string[] {
    return this.frames().map((f) => f.command);
  }

  heartbeats(): number {
    return this.sent.filter((t) => t === '\n').length;
  }
}
