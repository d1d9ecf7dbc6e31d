// Cheap load-generator clients: raw `ws` plus the least parsing that works against these servers
// (our server, like RabbitMQ's web-stomp, sends one frame per WebSocket message; heart-beats are
// disabled).
import type { WebSocket as Ws } from 'ws';
import { WebSocket } from './ws-module';

export interface BenchClient {
  /** Called with the JSON body of every delivered message. */
  onBody: (body: string) => void;
  /** True once the server closed the connection (e.g. cut off as a slow consumer). */
  readonly closedByServer: boolean;
  publish(body: string): void;
  close(): void;
}

function open(url: string): Promise<Ws> {
  return new Promise((resolve, reject) => {
    // the servers under test are trusted: skip UTF-8 validation to keep the load generator cheap
    const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const BLANK_LINE = Buffer.from('\n\n');

function tracked(ws: Ws, publish: (body: string) => void): BenchClient {
  let closing = false;
  let closedByServer = false;
  ws.on('error', () => undefined);
  ws.on('close', () => (closedByServer = !closing));
  return {
    onBody: () => undefined,
    publish,
    get closedByServer() {
      return closedByServer;
    },
    close: () => {
      closing = true;
      ws.terminate();
    },
  };
}

export interface LeanStompOptions {
  /** CONNECT headers; our server takes `Authorization: Bearer bench-<n>` as user n. */
  readonly connectHeaders: Readonly<Record<string, string>>;
  /** Destination to SUBSCRIBE to (with a receipt) after CONNECTED. */
  readonly subscribeTo?: string;
  /** Destination of SEND frames. Default `/app/bench`. */
  readonly sendTo?: string;
  /** The CONNECT `heart-beat` header. Default `0,0`. */
  readonly heartBeat?: string;
}

/** Headers that authenticate as user `userId` on the bench STOMP server. */
export function benchUser(userId: number): Readonly<Record<string, string>> {
  return { Authorization: `Bearer bench-${userId}` };
}

/** A STOMP 1.2 client: CONNECT, optionally SUBSCRIBE, then SEND / receive. */
export async function leanStomp(url: string, options: LeanStompOptions): Promise<BenchClient> {
  const ws = await open(url);
  let waiting: { command: string; resolve: () => void; reject: (e: Error) => void } | undefined;
  const expect = (command: string): Promise<void> => new Promise((resolve, reject) => (waiting = { command, resolve, reject }));
  const sendTo = options.sendTo ?? '/app/bench';
  const client = tracked(ws, (body) => ws.send(`SEND\ndestination:${sendTo}\ncontent-length:${Buffer.byteLength(body)}\n\n${body}\0`));
  ws.on('message', (data: Buffer) => {
    if (data.length === 1) return; // heart-beat
    if (data[0] === 0x4d /* M */ && data[1] === 0x45 /* E */) {
      // MESSAGE: decode only the body, as the raw client decodes only its message
      client.onBody(data.toString('utf8', data.indexOf(BLANK_LINE) + 2, data.length - 1));
      return;
    }
    const text = data.toString('utf8');
    const command = text.slice(0, text.indexOf('\n'));
    if (waiting && command === waiting.command) waiting.resolve();
    else waiting?.reject(new Error(`unexpected ${command}: ${text}`));
  });
  const connected = expect('CONNECTED');
  let connect = `CONNECT\naccept-version:1.2\nheart-beat:${options.heartBeat ?? '0,0'}\n`;
  for (const [name, value] of Object.entries(options.connectHeaders)) connect += `${name}:${value}\n`;
  ws.send(connect + '\n\0');
  await connected;
  if (options.subscribeTo) {
    const subscribed = expect('RECEIPT');
    ws.send(`SUBSCRIBE\nid:sub-0\ndestination:${options.subscribeTo}\nreceipt:s\n\n\0`);
    await subscribed;
  }
  return client;
}

/** A client of the raw broadcast server: "sub" makes it a subscriber. */
export async function leanRaw(url: string, subscribe: boolean): Promise<BenchClient> {
  const ws = await open(url);
  const client = tracked(ws, (body) => ws.send(body));
  if (subscribe) {
    await new Promise<void>((resolve) => {
      ws.once('message', () => resolve());
      ws.send('sub');
    });
  }
  ws.on('message', (data: Buffer) => client.onBody(data.toString('utf8')));
  return client;
}
