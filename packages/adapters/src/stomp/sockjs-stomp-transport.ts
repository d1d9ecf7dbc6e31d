import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Connection } from 'sockjs';
import type { Logger } from '../system/logger';
import { HandshakeCapture } from './handshake-capture';
import { SockJsConnectionSocket } from './sockjs-connection-socket';
import type { StompEndpoint } from './stomp-endpoint';
import type { HandshakeInfo } from './stomp-socket';

/** SockJS transports whose first request opens a session (and so carries its cookies). */
const OPENING_TRANSPORTS = new Set(['xhr', 'xhr_streaming', 'eventsource', 'htmlfile', 'jsonp']);

/** `sockjs` 0.3.x exposes this on its server without typing it. */
interface SockJsListenerFactory {
  listener(options?: object): { getHandler(): (req: IncomingMessage, res: ServerResponse) => boolean };
}

export interface SockJsStompTransportOptions {
  /** URL prefix. Default `/ws`. */
  readonly prefix?: string;
  /** SockJS `h` frame period. Default 25000. */
  readonly heartbeatMs?: number;
  /** How long a SockJS HTTP session survives without a receiving request. Default 5000. */
  readonly disconnectDelayMs?: number;
}

/**
 * The SockJS HTTP transports (xhr, xhr_streaming, xhr_send, eventsource, htmlfile, jsonp, the
 * greeting and iframe.html) served by the `sockjs` package. `/info`, preflights, CORS and the
 * Origin check are handled by `StompServer`; SockJS over WebSocket by `WsStompTransport`.
 */
export class SockJsStompTransport {
  private readonly handler: (req: IncomingMessage, res: ServerResponse) => boolean;
  private readonly captures = new HandshakeCapture();
  private readonly sessionPath: RegExp;

  constructor(
    private readonly endpoint: StompEndpoint,
    private readonly logger: Logger,
    options: SockJsStompTransportOptions = {},
  ) {
    const prefix = options.prefix ?? '/ws';
    this.sessionPath = new RegExp(`^${escapeRegExp(prefix)}/([^/.]+)/([^/.]+)/([^/.]+)/?$`);
    const server = createServer({
      prefix,
      websocket: true,
      heartbeat_delay: options.heartbeatMs ?? 25_000,
      disconnect_delay: options.disconnectDelayMs ?? 5000,
      log: (severity, line) => (severity === 'error' ? this.logger.warn({ line }, 'SockJS') : this.logger.debug({ line }, 'SockJS')),
    });
    // CORS headers are written by StompServer; `disable_cors` keeps sockjs from adding its own.
    this.handler = (server as unknown as SockJsListenerFactory).listener({ disable_cors: true }).getHandler();
    server.on('connection', (connection: Connection | null) => {
      if (connection) this.accept(connection);
    });
  }

  /** Serves one HTTP request under the prefix, capturing the handshake of session openers. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, handshake: HandshakeInfo): void {
    const match = this.sessionPath.exec(pathname);
    if (match && OPENING_TRANSPORTS.has(match[3] as string)) this.captures.remember(match[2] as string, handshake);
    if (!this.handler(req, res)) {
      res.statusCode = 404;
      res.end();
    }
  }

  private accept(connection: Connection): void {
    const sessionId = this.sessionPath.exec(connection.pathname ?? '')?.[2];
    const handshake = (sessionId && this.captures.take(sessionId)) || { cookies: {} };
    const stomp = this.endpoint.open(new SockJsConnectionSocket(connection, handshake));
    connection.on('data', (message: string) => stomp.receive(message));
    connection.on('close', () => stomp.transportClosed());
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
