import type { WebSocket } from 'ws';
import type { HandshakeInfo, StompSocket } from './stomp-socket';

/** How long a closing WebSocket may linger before it is terminated (stomp.md §6.2: within 1 s). */
export const CLOSE_GRACE_MS = 1000;

/** Every message goes out as a text frame, Buffers included (they hold UTF-8). */
const TEXT = { binary: false } as const;

/**
 * A `StompSocket` over a `ws` WebSocket. Subclasses change the message framing (SockJS).
 * Every message is sent as a text frame from a Buffer, so that `sentBytes` (payload plus frame
 * header) and `ws.bufferedAmount` (bytes queued in the socket) count the same bytes.
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
    const data = typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
    this.sentBytes += data.length + frameHeaderLength(data.length);
    this.ws.send(data, TEXT);
  }
}

/** Size of the header of an unmasked WebSocket frame carrying `payload` bytes (RFC 6455 §5.2). */
function frameHeaderLength(payload: number): number {
  return payload < 126 ? 2 : payload < 65536 ? 4 : 10;
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
