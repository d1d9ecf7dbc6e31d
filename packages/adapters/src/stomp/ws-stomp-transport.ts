import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from '../system/logger';
import { SockJsWsSocket, decodeSockJsMessage } from './sockjs-ws-socket';
import type { StompEndpoint } from './stomp-endpoint';
import type { HandshakeInfo, StompConnection } from './stomp-socket';
import { closeGracefully, WsStompSocket } from './ws-stomp-socket';

/** Subprotocols answered on the raw endpoint, in order of preference. */
const STOMP_SUBPROTOCOLS = ['v12.stomp', 'v11.stomp'];

/** SockJS close code for a message that is not a JSON string or array of strings. */
const SOCKJS_BROKEN_FRAMING = 3000;

export interface WsStompTransportOptions {
  /** Transport ping period; a socket with no pong by the next ping is terminated. Default 30000. */
  readonly pingIntervalMs?: number;
  /** SockJS `h` frame period on SockJS WebSockets. Default 25000. */
  readonly sockjsHeartbeatMs?: number;
  /** Largest WebSocket message accepted (larger: close 1009 by `ws`). Default 1 MiB. */
  readonly maxMessageBytes?: number;
}

type Kind = 'stomp' | 'sockjs';

interface Tracked {
  readonly kind: Kind;
  readonly socket: WsStompSocket;
  alive: boolean;
}

/**
 * WebSocket transports built on `ws` (`noServer`): raw STOMP (`/ws`, `/ws/websocket`) and SockJS
 * over WebSocket (`/ws/{server}/{session}/websocket`). The caller routes upgrades here after its
 * path and Origin checks. Text and binary messages are accepted; the server sends text.
 */
export class WsStompTransport {
  private readonly raw: WebSocketServer;
  private readonly sockjs: WebSocketServer;
  private readonly tracked = new Map<WebSocket, Tracked>();
  private readonly pingTimer: NodeJS.Timeout;
  private readonly heartbeatTimer: NodeJS.Timeout;

  constructor(
    private readonly endpoint: StompEndpoint,
    private readonly logger: Logger,
    options: WsStompTransportOptions = {},
  ) {
    const common = { noServer: true, clientTracking: false, perMessageDeflate: false, maxPayload: options.maxMessageBytes ?? 1024 * 1024 };
    this.raw = new WebSocketServer({
      ...common,
      handleProtocols: (offered) => STOMP_SUBPROTOCOLS.find((p) => offered.has(p)) ?? false,
    });
    this.sockjs = new WebSocketServer({ ...common, handleProtocols: () => false });
    this.pingTimer = setInterval(() => this.pingAll(), options.pingIntervalMs ?? 30_000);
    this.heartbeatTimer = setInterval(() => this.sockjsHeartbeat(), options.sockjsHeartbeatMs ?? 25_000);
    this.pingTimer.unref();
    this.heartbeatTimer.unref();
  }

  /** Completes a WebSocket handshake and starts a STOMP session on it. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, kind: Kind, handshake: HandshakeInfo): void {
    const server = kind === 'stomp' ? this.raw : this.sockjs;
    server.handleUpgrade(req, socket, head, (ws) => this.accept(ws, kind, handshake));
  }

  /** Stops the timers and terminates sockets still open (sessions are closed by the endpoint). */
  close(): void {
    clearInterval(this.pingTimer);
    clearInterval(this.heartbeatTimer);
    for (const ws of this.tracked.keys()) ws.terminate();
    this.tracked.clear();
    this.raw.close();
    this.sockjs.close();
  }

  private accept(ws: WebSocket, kind: Kind, handshake: HandshakeInfo): void {
    const socket = kind === 'stomp' ? new WsStompSocket(ws, handshake) : new SockJsWsSocket(ws, handshake);
    const entry: Tracked = { kind, socket, alive: true };
    this.tracked.set(ws, entry);
    const connection = this.endpoint.open(socket);
    ws.on('pong', () => (entry.alive = true));
    ws.on('error', (e) => this.logger.debug({ err: e }, 'STOMP WebSocket error'));
    ws.on('close', () => {
      this.tracked.delete(ws);
      connection.transportClosed();
    });
    // text and binary messages alike
    ws.on('message', (data) => {
      if (kind === 'stomp') connection.receive(asBuffer(data));
      else this.receiveSockJs(ws, socket as SockJsWsSocket, connection, asBuffer(data).toString('utf8'));
    });
  }

  private receiveSockJs(ws: WebSocket, socket: SockJsWsSocket, connection: StompConnection, text: string): void {
    const messages = decodeSockJsMessage(text);
    if (!messages) {
      socket.close(SOCKJS_BROKEN_FRAMING, 'Broken framing.');
      connection.transportClosed();
      return;
    }
    for (const message of messages) {
      if (ws.readyState !== ws.OPEN) return;
      connection.receive(message);
    }
  }

  private pingAll(): void {
    for (const [ws, entry] of this.tracked) {
      if (!entry.alive) {
        ws.terminate();
        continue;
      }
      entry.alive = false;
      try {
        ws.ping();
      } catch {
        closeGracefully(ws, 1001, 'ping failed');
      }
    }
  }

  private sockjsHeartbeat(): void {
    for (const entry of this.tracked.values()) if (entry.kind === 'sockjs') (entry.socket as SockJsWsSocket).heartbeat();
  }
}

function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
