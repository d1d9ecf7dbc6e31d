import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Language } from '@sooscode/domain';
import { createWorkerApp, type WorkerApp } from '@sooscode/adapters/compile-worker/worker-app';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { Config } from './config/load-config';
import { isLoopbackHost } from './config/load-config';
import { createLocalRunner } from './modules/compile-backend';
import { compilePolicyOf } from './modules/compile-module';

/** A running standalone compile worker (`pnpm worker`). */
export interface CompileWorkerServer {
  readonly url: string;
  readonly worker: WorkerApp;
  /** Stops accepting jobs, waits for the running ones (up to SHUTDOWN_TIMEOUT_MS), then closes. */
  close(): Promise<void>;
}

/**
 * Starts the SoosCode worker protocol (compile.md §3) on HOST:WORKER_PORT with a local runner:
 * the languages of COMPILE_LANGUAGES, the blacklists of COMPILE_BLACKLIST_*, the runner limits
 * of COMPILE_LOCAL_*, and `Authorization: Bearer COMPILE_WORKER_TOKEN` required when set. Warns
 * when the runner cannot isolate programs and when it listens beyond loopback without a token.
 */
export async function startCompileWorker(config: Config, logger: Logger): Promise<CompileWorkerServer> {
  const log = logger.child({ component: 'compile-worker' });
  const runner = createLocalRunner(config, log);
  if (config.compileWorkerToken === undefined && !isLoopbackHost(config.host)) {
    log.warn({ host: config.host }, 'COMPILE_WORKER_TOKEN is not set: anyone who can reach this worker can run code on it');
  }
  const worker = createWorkerApp({
    runner,
    unavailable: runner.isolation().kind === 'unavailable',
    token: config.compileWorkerToken,
    languages: config.compileLanguages as Language[],
    blacklists: compilePolicyOf(config).blacklists,
    maxActiveJobs: config.compileLocalConcurrency + config.compileLocalQueue,
    logger: log,
  });
  const server: Server = createServer(worker.app.callback());
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.workerPort, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    worker,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, config.shutdownTimeoutMs);
          timer.unref();
        });
        await Promise.race([worker.idle(), timeout]);
        clearTimeout(timer);
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
