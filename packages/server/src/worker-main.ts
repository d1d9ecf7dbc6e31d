import { ConfigError, loadConfig } from './config/load-config';
import { createLogger } from './infrastructure';
import { startCompileWorker } from './worker-server';

/** Entry point of the standalone compile worker: `pnpm worker` (WORKER_PORT, default 8081). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  let worker;
  try {
    worker = await startCompileWorker(config, logger);
  } catch (e) {
    process.stderr.write(`compile worker start-up failed: ${(e as Error).message}\n`);
    process.exit(1);
  }
  logger.info({ url: worker.url, languages: config.compileLanguages, token: config.compileWorkerToken !== undefined }, 'SoosCode compile worker listening');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'compile worker shutting down');
    worker.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
