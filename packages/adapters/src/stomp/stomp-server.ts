import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../system/logger';
import { SockJsStompTransport } from './sockjs-stomp-transport';
import type { StompEndpoint } from './stomp-endpoint';
import { answerError, answerInfo, answerPreflight, applyCorsHeaders, handshakeOf, pathOf, refuseUpgrade } from './stomp-http';
import { WsStompTransport } from './ws-stomp-transport';

export interface StompServerConfig {
  readonly endpoint: StompEndpoint;
  readonly logger: Logger;
  /**
   * The Origin rule of http.md §1.6: true for an allowed origin (listed, or the server's own).
   * Requests carrying a refused Origin get 403 before any upgrade; requests without Origin pass.
   * Responses to allowed origins carry the CORS headers.
   */
  readonly isOriginAllowed: (origin: string) => boolean;
  /** Transport ping period (raw and SockJS WebSockets). Default 30000. */
  readonly pingIntervalMs?: number;
  /** SockJS `h` frame period. Default 25000. */
  readonly sockjsHeartbeatMs?: number;
  /** Largest WebSocket message accepted. Default 1 MiB. */
  readonly maxMessageBytes?: number;
}

const PREFIX = '/ws';
const RAW_PATHS = new Set(['/ws', '/ws/', '/ws/websocket', '/ws/websocket/']);
const SOCKJS_WEBSOCKET = /^\/ws\/[^/.]+\/[^/.]+\/websocket\/?$/;

/**
 * Serves STOMP under `/ws` on an existing HTTP server (stomp.md §1): raw WebSocket on `/ws` and
 * `/ws/websocket`, SockJS (`/ws/info`, `/ws/{server}/{session}/{transport}`). Requests and
 * upgrades outside `/ws` are left alone. Use `attach(server)`, or call `handleRequest` /
 * `handleUpgrade` from your own listeners (each returns false when the request is not under `/ws`).
 */
export class StompServer {
  private readonly ws: WsStompTransport;
  private readonly sockjs: SockJsStompTransport;
  private detachFromServer: (() => void) | undefined;
  private closed = false;

  constructor(private readonly config: StompServerConfig) {
    this.ws = new WsStompTransport(config.endpoint, config.logger, {
      ...(config.pingIntervalMs === undefined ? {} : { pingIntervalMs: config.pingIntervalMs }),
      ...(config.sockjsHeartbeatMs === undefined ? {} : { sockjsHeartbeatMs: config.sockjsHeartbeatMs }),
      ...(config.maxMessageBytes === undefined ? {} : { maxMessageBytes: config.maxMessageBytes }),
    });
    this.sockjs = new SockJsStompTransport(config.endpoint, config.logger, {
      prefix: PREFIX,
      ...(config.sockjsHeartbeatMs === undefined ? {} : { heartbeatMs: config.sockjsHeartbeatMs }),
    });
  }

  /** Handles a plain HTTP request if it is under `/ws`; returns false otherwise. */
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const path = pathOf(req.url);
    if (!isUnderPrefix(path)) return false;
    try {
      const origin = req.headers.origin;
      if (origin !== undefined && !this.config.isOriginAllowed(origin)) {
        answerError(res, 'GLOBAL_403');
        return true;
      }
      if (origin !== undefined) applyCorsHeaders(res, origin);
      if (this.closed) answerError(res, 'GLOBAL_503');
      else if (req.method === 'OPTIONS') answerPreflight(req, res);
      else if (req.method === 'GET' && (path === '/ws/info' || path === '/ws/info/')) answerInfo(res);
      else this.sockjs.handle(req, res, path, handshakeOf(req));
    } catch (e) {
      this.config.logger.error({ err: e, path }, 'SockJS request failed');
      answerError(res, 'GLOBAL_500');
    }
    return true;
  }

  /** Handles an `upgrade` if it is under `/ws`; returns false otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = pathOf(req.url);
    if (!isUnderPrefix(path)) return false;
    socket.on('error', () => socket.destroy());
    try {
      const origin = req.headers.origin;
      if (origin !== undefined && !this.config.isOriginAllowed(origin)) refuseUpgrade(socket, 'GLOBAL_403');
      else if (this.closed) refuseUpgrade(socket, 'GLOBAL_503');
      else if (RAW_PATHS.has(path)) this.ws.upgrade(req, socket, head, 'stomp', handshakeOf(req));
      else if (SOCKJS_WEBSOCKET.test(path)) this.ws.upgrade(req, socket, head, 'sockjs', handshakeOf(req));
      else refuseUpgrade(socket, 'GLOBAL_404');
    } catch (e) {
      this.config.logger.error({ err: e, path }, 'STOMP upgrade failed');
      socket.destroy();
    }
    return true;
  }

  /**
   * Installs on `server`: `/ws` requests are answered here and every other request goes to the
   * `request` listeners present at attach time (attach after the Koa handler is installed);
   * `/ws` upgrades are answered here, others are left to other `upgrade` listeners (or refused
   * with 404 when there are none).
   */
  attach(server: Server): void {
    if (this.detachFromServer) throw new Error('StompServer is already attached');
    const previous = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
      if (this.handleRequest(req, res)) return;
      for (const listener of previous) listener.call(server, req, res);
    };
    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
      if (this.handleUpgrade(req, socket, head)) return;
      if (server.listenerCount('upgrade') === 1) refuseUpgrade(socket, 'GLOBAL_404');
    };
    server.removeAllListeners('request');
    server.on('request', onRequest);
    server.on('upgrade', onUpgrade);
    this.detachFromServer = () => {
      server.off('request', onRequest);
      server.off('upgrade', onUpgrade);
      for (const listener of previous) server.on('request', listener);
    };
  }

  /** Refuses new transports, closes every session (1001) and detaches from the HTTP server. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.config.endpoint.close();
    this.ws.close();
    this.detachFromServer?.();
    this.detachFromServer = undefined;
  }
}

function isUnderPrefix(path: string): boolean {
  return path === PREFIX || path.startsWith(PREFIX + '/');
}
