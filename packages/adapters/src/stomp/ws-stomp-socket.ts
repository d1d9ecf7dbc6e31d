import type { WebSocket } from 'ws';
import type { HandshakeInfo, StompSocket } from './stomp-socket';

/** How long a closing WebSocket may linger before it is terminated (stomp.md §6.2: within 1 s). */
export const CLOSE_GRACE_MS = 1000;

/** Every message goes out as a text frame, Buffers included (they hold UTF-8). */
const TEXT = { binary: false } as const;

/**
 * A `StompSocket` over a `ws` WebSocket. Subclasses change the message framing (SockJS).
 * Every message is a text frame. `sentBytes` counts like the socket's write queue, which is what
 * `ws.bufferedAmount` reports: frame header bytes plus the payload's length (UTF-16 code units
 * for a string, which the socket encodes as it writes; bytes for a Buffer).
 */
export class WsStompSocket implements StompSocket {
  sentBytes = 0;
  protected closed = false;

  constructor(
    protected readonly ws: WebSocket,
    readonly handshake: HandshakeInfo,
  ) {}

  send(message: string | Buffer): void {
    this.sendRaw(message);
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    closeGracefully(this.ws, code, reason);
  }

  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }

  protected sendRaw(message: string | Buffer): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.sentBytes += message.length + frameHeaderLength(message);
    this.ws.send(message, TEXT);
  }
}

/** Size of the header of the unmasked WebSocket frame carrying `message` (RFC 6455 §5.2). */
function frameHeaderLength(message: string | Buffer): number {
  const n = message.length;
  if (typeof message === 'string') {
    // UTF-8 takes 1 to 3 bytes per UTF-16 code unit: measure only when the bounds disagree.
    if (n * 3 < 126) return 2;
    if (n >= 126 && n * 3 < 65536) return 4;
    if (n >= 65536) return 10;
    return headerFor(Buffer.byteLength(message, 'utf8'));
  }
  return headerFor(n);
}

function headerFor(bytes: number): number {
  return bytes < 126 ? 2 : bytes < 65536 ? 4 : 10;
}

/** Starts the closing handshake and terminates the socket if it is not closed within 1 s. */
export function closeGracefully(ws: WebSocket, code: number, reason: string): void {
  if (ws.readyState === ws.CLOSED) return;
  const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
  timer.unref();
  ws.once('close', () => clearTimeout(timer));
  try {
    ws.close(code, Buffer.byteLength(reason) <= 123 ? reason : reason.slice(0, 40));
  } catch {
    ws.terminate();
  }
}
