import type { Connection } from 'sockjs';
import type { HandshakeInfo, StompSocket } from './stomp-socket';

/**
 * The parts of `sockjs` 0.3.x internals read for backpressure: the session's send buffer (filled
 * while no HTTP response is attached) and the socket of the current receiver. Read defensively;
 * missing fields count as empty.
 */
interface SockJsInternals {
  readonly _session?: {
    readonly send_buffer?: readonly string[];
    readonly recv?: { readonly response?: { readonly socket?: { readonly writableLength?: number } | null } | null } | null;
  };
}

/**
 * A `StompSocket` over a connection of the `sockjs` package (the SockJS HTTP transports).
 * Amounts are in UTF-16 code units of the queued messages (what `sockjs` keeps); the socket
 * buffer of the attached HTTP response counts towards `bufferedAmount` too.
 */
export class SockJsConnectionSocket implements StompSocket {
  sentBytes = 0;
  private closed = false;

  constructor(
    private readonly connection: Connection,
    readonly handshake: HandshakeInfo,
  ) {}

  send(message: string | Buffer): void {
    if (this.closed) return;
    const text = typeof message === 'string' ? message : message.toString('utf8');
    this.sentBytes += text.length;
    this.connection.write(text);
  }

  get bufferedAmount(): number {
    const session = (this.connection as unknown as SockJsInternals)._session;
    let queued = 0;
    for (const message of session?.send_buffer ?? []) queued += message.length;
    return queued + (session?.recv?.response?.socket?.writableLength ?? 0);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // sockjs writes the code with JSON.stringify, so it must be a number despite its typings.
    (this.connection.close as unknown as (code: number, reason: string) => boolean).call(this.connection, code, reason);
  }
}
