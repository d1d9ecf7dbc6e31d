import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../../../src/system/logger';
import { StompEndpoint } from '../../../src/stomp/stomp-endpoint';
import type { StompOptions } from '../../../src/stomp/stomp-options';
import { StompServer, type StompServerConfig } from '../../../src/stomp/stomp-server';
import { SubscriptionRegistry } from '../../../src/stomp/subscription-registry';
import { FakeApplication } from './fake-application';

export const ALLOWED_ORIGIN = 'http://localhost:5173';

export interface Harness {
  readonly port: number;
  readonly wsUrl: string;
  readonly httpUrl: string;
  readonly app: FakeApplication;
  readonly registry: SubscriptionRegistry;
  readonly endpoint: StompEndpoint;
  readonly stomp: StompServer;
  readonly http: Server;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1:0 standing in for the Koa app (it answers every non-/ws
 * request with 200 "app"), with the STOMP server attached.
 */
export async function startHarness(
  options: Partial<StompOptions> = {},
  server: Partial<Omit<StompServerConfig, 'endpoint' | 'logger'>> = {},
): Promise<Harness> {
  const app = new FakeApplication();
  const registry = new SubscriptionRegistry();
  app.registry = registry;
  const endpoint = new StompEndpoint({ application: app, registry, logger: silentLogger, options });
  const http = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/plain');
    res.end('app');
  });
  const stomp = new StompServer({
    endpoint,
    logger: silentLogger,
    isOriginAllowed: (origin) => origin === ALLOWED_ORIGIN,
    ...server,
  });
  stomp.attach(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    httpUrl: `http://127.0.0.1:${port}`,
    app,
    registry,
    endpoint,
    stomp,
    http,
    async close() {
      await stomp.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
