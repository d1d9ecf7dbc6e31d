import { Client, type IFrame, type IMessage, type StompHeaders } from '@stomp/stompjs';
import SockJS from 'sockjs-client';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { eventually } from './eventually';

/** One MESSAGE as a test sees it. */
export interface Delivered {
  readonly destination: string;
  readonly subscription: string;
  readonly body: Record<string, unknown>;
}

/** How a `LiveClient` reaches the server and authenticates. */
export interface LiveClientOptions {
  /** Access token sent as the CONNECT header `Authorization: Bearer …`. */
  readonly token?: string;
  /** `ws` (raw WebSocket on `/ws`, default) or `sockjs` (sockjs-client on `/ws`, WebSocket transport). */
  readonly transport?: 'ws' | 'sockjs';
  /** `Cookie` header of the WebSocket handshake (both transports). */
  readonly cookie?: string;
  /** Extra handshake headers (raw WebSocket only). */
  readonly handshakeHeaders?: Record<string, string>;
  /** Extra CONNECT headers. */
  readonly connectHeaders?: StompHeaders;
}

const open = new Set<LiveClient>();
let receiptSeq = 0;

/**
 * A real `@stomp/stompjs` client (no reconnect, no client heart-beats) that records every MESSAGE,
 * RECEIPT and the ERROR/close that ends it, in arrival order, for retrying assertions (`eventually`).
 */
export class LiveClient {
  /** Every MESSAGE, in arrival order. */
  readonly received: Delivered[] = [];
  /** `MESSAGE <destination>` and `RECEIPT <id>` in arrival order. */
  readonly log: string[] = [];
  errorFrame: IFrame | undefined;
  closeCode: number | undefined;
  connected: IFrame | undefined;

  private constructor(readonly client: Client) {}

  /** Connects; resolves on CONNECTED, rejects with the ERROR frame's `message` or the close code. */
  static connect(baseUrl: string, options: LiveClientOptions = {}): Promise<LiveClient> {
    const wsUrl = baseUrl.replace(/^http/, 'ws') + '/ws';
    const cookieHeaders: Record<string, string> = options.cookie ? { Cookie: options.cookie } : {};
    const factory =
      options.transport === 'sockjs'
        ? () =>
            new SockJS(`${baseUrl}/ws`, undefined, {
              transports: ['websocket'],
              transportOptions: { websocket: { headers: cookieHeaders } },
            } as SockJS.Options)
        : () => new WebSocket(wsUrl, ['v12.stomp', 'v11.stomp'], { headers: { ...cookieHeaders, ...options.handshakeHeaders } });
    const client = new Client({
      webSocketFactory: factory,
      connectHeaders: { ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}), ...options.connectHeaders },
      reconnectDelay: 0,
      heartbeatIncoming: 0,
      heartbeatOutgoing: 0,
    });
    const live = new LiveClient(client);
    open.add(live);
    return new Promise((resolve, reject) => {
      client.onConnect = (frame) => {
        live.connected = frame;
        resolve(live);
      };
      client.onStompError = (frame) => {
        live.errorFrame = frame;
        reject(new Error(`ERROR ${frame.headers['message']}`));
      };
      client.onWebSocketClose = (event: { code: number }) => {
        live.closeCode = event.code;
        reject(new Error(`closed ${event.code}`));
      };
      client.activate();
    });
  }

  /** Subscribes (recording what arrives) and returns the subscription id. */
  subscribe(destination: string, headers: StompHeaders = {}): string {
    return this.client.subscribe(destination, (m) => this.record(m), headers).id;
  }

  /** Subscribes with a receipt and waits for it: the SUBSCRIBE (and any join) is fully processed. */
  async subscribed(...destinations: string[]): Promise<string[]> {
    const ids = destinations.map((d, i) => (i < destinations.length - 1 ? this.subscribe(d) : ''));
    const last = destinations.at(-1)!;
    ids[ids.length - 1] = await this.withReceipt((receipt) => this.subscribe(last, { receipt }));
    return ids;
  }

  /** The usual error queue plus the given destinations, all processed when this resolves. */
  async join(...destinations: string[]): Promise<void> {
    await this.subscribed('/user/queue/errors', ...destinations);
  }

  unsubscribe(id: string): void {
    this.client.unsubscribe(id);
  }

  /** SENDs a JSON object (or raw text) to `destination`. */
  send(destination: string, body: object | string, headers: StompHeaders = {}): void {
    this.client.publish({ destination, body: typeof body === 'string' ? body : JSON.stringify(body), headers });
  }

  /** SENDs with a receipt and waits for it: any error message it caused has arrived. */
  async sent(destination: string, body: object | string): Promise<void> {
    await this.withReceipt((receipt) => this.send(destination, body, { receipt }));
  }

  /** Runs `act` with a fresh receipt id and resolves once the RECEIPT arrived. */
  async withReceipt<T>(act: (receipt: string) => T): Promise<T> {
    const receipt = `r-${++receiptSeq}`;
    const arrived = new Promise<void>((resolve) =>
      this.client.watchForReceipt(receipt, () => {
        this.log.push(`RECEIPT ${receipt}`);
        resolve();
      }),
    );
    const result = act(receipt);
    await waitForPromise(arrived, `RECEIPT ${receipt}`);
    return result;
  }

  /** Bodies received on `destination` (all subscriptions), in order. */
  messages(destination: string): Record<string, unknown>[] {
    return this.received.filter((m) => m.destination === destination).map((m) => m.body);
  }

  /** Bodies received on one subscription id. */
  onSubscription(id: string): Record<string, unknown>[] {
    return this.received.filter((m) => m.subscription === id).map((m) => m.body);
  }

  /** Error messages from `/user/queue/errors`. */
  errors(): Record<string, unknown>[] {
    return this.messages('/user/queue/errors');
  }

  /** Codes of the error messages, in order. */
  errorCodes(): unknown[] {
    return this.errors().map((e) => e.code);
  }

  get isConnected(): boolean {
    return this.client.connected;
  }

  /** Waits until the server ended the connection. */
  async ended(): Promise<void> {
    await eventually(() => expect(this.closeCode).toBeDefined());
  }

  /** DISCONNECT (with a receipt) and close; force-closes when already gone. */
  async close(): Promise<void> {
    open.delete(this);
    await this.client.deactivate({ force: !this.client.connected });
  }

  private record(m: IMessage): void {
    const destination = m.headers['destination']!;
    this.log.push(`MESSAGE ${destination}`);
    this.received.push({ destination, subscription: m.headers['subscription']!, body: JSON.parse(m.body) as Record<string, unknown> });
  }
}

/** Closes every client still open (call from `afterEach`). */
export async function closeAllClients(): Promise<void> {
  await Promise.all([...open].map((c) => c.close().catch(() => undefined)));
}

async function waitForPromise(p: Promise<void>, what: string, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs)));
  try {
    await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
