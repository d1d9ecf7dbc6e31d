import { createServer, type Server } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import { Container } from 'inversify';
import type { Clock, PendingCompileJobs } from '@sooscode/domain';
import { createHttpApp } from '@sooscode/adapters/http/create-http-app';
import type { HttpModule } from '@sooscode/adapters/http/http-module';
import type { StompEndpoint, StompServer, SubscriptionRegistry } from '@sooscode/adapters/stomp/index';
import { AccessLog } from '@sooscode/adapters/http/access-log';
import { MetricsRoutes } from '@sooscode/adapters/http/routes/metrics-routes';
import { OpenApiRoutes } from '@sooscode/adapters/http/routes/openapi-routes';
import { PromMetrics } from '@sooscode/adapters/metrics/prom-metrics';
import { OriginPolicy } from '@sooscode/adapters/http/origin-policy';
import { HealthRoutes, type HealthCheck } from '@sooscode/adapters/http/routes/health-routes';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { Config } from './config/load-config';
import { resolveRuntimeSettings, type RuntimeSettings } from './config/runtime-settings';
import { closeConnectionsWhileDraining, drainHttpServer } from './http-drain';
import { createLogger, openInfrastructure, type Infrastructure } from './infrastructure';
import { compileModule } from './modules/compile-module';
import { ADMIN_UPLOAD_PATHS, classroomModule } from './modules/classroom-module';
import { googleModule } from './modules/google-module';
import { cacheModule } from './modules/cache-module';
import { collaborationModule } from './modules/collaboration-module';
import { identityModule } from './modules/identity-module';
import { infrastructureModule } from './modules/infrastructure-module';
import type { SignedFileUrls } from '@sooscode/adapters/storage/signed-file-urls';
import { filesModule, UPLOAD_PATHS } from './modules/files-module';
import { mediaModule } from './modules/media-module';
import { realtimeModule } from './modules/realtime-module';
import { stateModule } from './modules/state-module';
import type { Lifecycle } from './lifecycle';
import { seedOnStart } from './seed';
import { TOKENS } from './tokens';

/** Version of the API, as published in the OpenAPI document. */
export const API_VERSION = '0.1.0';

/** A running API server. */
export interface ApiServer {
  readonly url: string;
  readonly port: number;
  readonly container: Container;
  readonly settings: RuntimeSettings;
  readonly logger: Logger;
  /**
   * Shuts down: /readyz answers 503 at once; after SHUTDOWN_DRAIN_DELAY_MS the listener stops
   * accepting and STOMP sessions are closed (1001); in-flight requests get up to SHUTDOWN_TIMEOUT_MS
   * to finish; then the other resources, Redis and the database pool are closed. Idempotent.
   */
  close(): Promise<void>;
}

/** Options for tests: a logger and clock of their own. */
export interface ApiServerOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
}

/** Builds the container with every context module. */
export function buildContainer(settings: RuntimeSettings, infra: Infrastructure, clock?: Clock): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.loadSync(infrastructureModule(settings, infra, clock), stateModule(infra.redis), cacheModule, realtimeModule, identityModule, googleModule, compileModule, classroomModule, mediaModule, collaborationModule, filesModule);
  return container;
}

function healthChecks(infra: Infrastructure): HealthCheck[] {
  const checks: HealthCheck[] = [{ name: 'database', check: async () => (await infra.database.dataSource.query('SELECT 1')).length === 1 }];
  if (infra.redis) checks.push({ name: 'redis', check: async () => (await infra.redis!.ping()) === 'PONG' });
  return checks;
}

/** Points the gauges of `metrics` at this node's STOMP sessions, subscriptions and pending compile runs. */
function watchLiveCounts(metrics: PromMetrics, container: Container): void {
  const endpoint = container.get<StompEndpoint>(TOKENS.StompEndpoint);
  const registry = container.get<SubscriptionRegistry>(TOKENS.SubscriptionRegistry);
  const jobs = container.get<PendingCompileJobs>(TOKENS.PendingCompileJobs);
  metrics.watch({ stompSessions: () => endpoint.sessionCount, stompSubscriptions: () => registry.subscriptionCount, pendingCompileJobs: () => jobs.waiting() });
}

/** Validates settings, opens infrastructure, seeds, and listens on HOST:PORT. */
export async function startApiServer(config: Config, env: Readonly<Record<string, string | undefined>>, options: ApiServerOptions = {}): Promise<ApiServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const settings = await resolveRuntimeSettings(config, env);
  const metrics = new PromMetrics();
  const infra = await openInfrastructure(settings, logger, metrics);
  const container = buildContainer(settings, infra, options.clock);
  let server: Server | undefined;
  const lifecycles = container.isBound(TOKENS.Lifecycle) ? container.getAll<Lifecycle>(TOKENS.Lifecycle) : [];
  const started: Lifecycle[] = [];
  let stopping: Promise<void> | undefined;
  let shuttingDown = false;
  /** Stops started resources once, in reverse order (live sessions first, so WebSockets do not hold the server open). */
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const l of [...started].reverse()) await l.stop?.().catch((err: unknown) => logger.error({ err, resource: l.name }, 'stopping failed'));
    })());
  try {
    for (const l of lifecycles) {
      await l.start?.();
      started.push(l);
    }
    await infra.database.exclusive(() => seedOnStart(container, settings, logger)); // nodes started together seed once
    const modules = [
      new HealthRoutes(healthChecks(infra), () => shuttingDown),
      new MetricsRoutes(metrics, config.metricsToken),
      ...container.getAll<HttpModule>(TOKENS.HttpModules),
      new OpenApiRoutes(API_VERSION),
    ];
    watchLiveCounts(metrics, container);
    const app = createHttpApp({
      logger,
      originPolicy: new OriginPolicy(config.corsAllowedOrigins, settings.ownOrigin),
      modules,
      trustProxy: config.trustProxy,
      largeBodyPaths: [...UPLOAD_PATHS, ...ADMIN_UPLOAD_PATHS],
      observers: [new AccessLog(logger.child({ component: 'http' })), metrics],
    });
    server = createServer(app.callback());
    container.get<StompServer>(TOKENS.StompServer).attach(server);
    closeConnectionsWhileDraining(server, () => shuttingDown);
    server.headersTimeout = 30_000;
    server.requestTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(config.port, config.host, () => resolve());
    });
  } catch (e) {
    await stopAll();
    await infra.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // Without PUBLIC_BASE_URL, signed file URLs name the port actually bound (PORT=0 picks one).
  if (config.publicBaseUrl === undefined) container.get<SignedFileUrls>(TOKENS.SignedFileUrls).rebase(`http://localhost:${port}`);
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    container,
    settings,
    logger,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        if (config.shutdownDrainDelayMs > 0) await delay(config.shutdownDrainDelayMs);
        const drained = drainHttpServer(server!, config.shutdownTimeoutMs);
        // live sessions end now (1001), so WebSockets do not hold the server open; compile waits and
        // the other resources stay up until the requests in flight are answered
        await container.get<StompServer>(TOKENS.StompServer).close();
        await drained;
        await stopAll();
        await infra.close();
      })();
      return closing;
    },
  };
}
