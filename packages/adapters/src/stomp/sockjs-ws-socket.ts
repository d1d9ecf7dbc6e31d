import type { WebSocket } from 'ws';
import { CloseCode } from './stomp-errors';
import type { HandshakeInfo } from './stomp-socket';
import { closeGracefully, WsStompSocket } from './ws-stomp-socket';

/**
 * SockJS framing over a `ws` WebSocket (`/ws/{server}/{session}/websocket`): `o` on open,
 * `a[...]` per message, `h` heart-beats, `c[code,"reason"]` before closing. Implemented here
 * rather than by the `sockjs` package so that both WebSocket transports share one `ws` server,
 * its backpressure accounting and its ping/pong.
 */
export class SockJsWsSocket extends WsStompSocket {
  constructor(ws: WebSocket, handshake: HandshakeInfo) {
    super(ws, handshake);
    this.sendRaw('o');
  }

  override send(message: string | Buffer): void {
    this.sendRaw('a' + JSON.stringify([typeof message === 'string' ? message : message.toString('utf8')]));
  }

  /** Sends the SockJS heart-beat frame. */
  heartbeat(): void {
    this.sendRaw('h');
  }

  override close(code: number, reason: string): void {
    if (this.closed) return;
    this.sendRaw('c' + JSON.stringify([code, reason]));
    this.closed = true;
    closeGracefully(this.ws, CloseCode.normal, reason);
  }
}

/**
 * Decodes one inbound SockJS WebSocket message: a JSON array of strings or a single JSON string.
 * An empty message carries nothing (`[]`); anything else is broken framing (`undefined`).
 */
export function decodeSockJsMessage(text: string): string[] | undefined {
  if (text.length === 0) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}
