// Child process: one server under test on 127.0.0.1:0, either our STOMP engine (`stomp`) or a
// bare `ws` broadcast server (`raw`, the ceiling). Reports its port, answers RSS queries.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocket } from 'ws';
import { WebSocketServer } from './ws-module';
import type * as EndpointModule from '../../packages/adapters/src/stomp/stomp-endpoint';
import type * as ServerModule from '../../packages/adapters/src/stomp/stomp-server';
import type * as RegistryModule from '../../packages/adapters/src/stomp/subscription-registry';
import type * as LoggerModule from '../../packages/adapters/src/system/logger';
import { BenchApplication } from './bench-application';
import type { ServerCommand, ServerKind, ServerReply } from './bench-protocol';

/** The engine under test: the compiled build (`dist`, default) or the sources through tsx (`SOOSCODE_BENCH_BUILD=tsx`). */
const fromSources = process.env.SOOSCODE_BENCH_BUILD === 'tsx';
const engine = (file: string) => (fromSources ? `../../packages/adapters/src/${file}.ts` : `../../packages/adapters/dist/${file}.js`);
const { StompEndpoint } = (await import(engine('stomp/stomp-endpoint'))) as typeof EndpointModule;
const { StompServer } = (await import(engine('stomp/stomp-server'))) as typeof ServerModule;
const { SubscriptionRegistry } = (await import(engine('stomp/subscription-registry'))) as typeof RegistryModule;
const { silentLogger } = (await import(engine('system/logger'))) as typeof LoggerModule;

const kind = process.argv[2] as ServerKind;
const http = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
let shutdown: () => Promise<void>;

if (kind === 'stomp') {
  const registry = new SubscriptionRegistry();
  const endpoint = new StompEndpoint({
    application: new BenchApplication(registry),
    registry,
    logger: silentLogger,
    // the single publisher sends far beyond the per-session inbound limit of the contract
    options: { inboundBurst: 1e9, inboundPerSecond: 1e9 },
  });
  const stomp = new StompServer({ endpoint, logger: silentLogger, isOriginAllowed: () => true });
  stomp.attach(http);
  shutdown = () => stomp.close();
} else {
  // The ceiling: clients that send "sub" receive every other message verbatim.
  const subscribers = new Set<WebSocket>();
  const wss = new WebSocketServer({ server: http, path: '/ws', perMessageDeflate: false, clientTracking: false });
  wss.on('connection', (ws) => {
    ws.on('error', () => undefined);
    ws.on('close', () => subscribers.delete(ws));
    ws.on('message', (data: Buffer) => {
      if (data.length === 3 && data.toString() === 'sub') {
        subscribers.add(ws);
        ws.send('ok');
        return;
      }
      for (const subscriber of subscribers) subscriber.send(data, { binary: false });
    });
  });
  shutdown = async () => wss.close();
}

function reply(message: ServerReply): void {
  process.send?.(message);
}

process.on('message', (command: ServerCommand) => {
  if (command.type === 'rss') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    setTimeout(() => reply({ type: 'rss', rss: process.memoryUsage().rss }), 300);
  } else if (command.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    reply({ type: 'cpu', micros: user + system });
  } else if (command.type === 'stop') {
    void shutdown().finally(() => process.exit(0));
  }
});

http.listen(0, '127.0.0.1', () => reply({ type: 'ready', port: (http.address() as AddressInfo).port }));
