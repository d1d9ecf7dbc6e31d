import { createLogger } from './infrastructure';
import { loadConfigOrExit, stopOnSignals } from './process-entry';
import { startCompileWorker } from './worker-server';

/** Entry point of the standalone compile worker: `pnpm worker` (WORKER_PORT, default 8081). */
async function main(): Promise<void> {
  process.umask(0o077); // job folders and anything else this process creates are private
  const config = loadConfigOrExit(process.env);
  const logger = createLogger(config.logLevel);
  let worker;
  try {
    worker = await startCompileWorker(config, logger);
  } catch (e) {
    process.stderr.write(`compile worker start-up failed: ${(e as Error).message}\n`);
    process.exit(1);
  }
  logger.info({ url: worker.url, languages: config.compileLanguages, token: config.compileWorkerToken !== undefined }, 'SoosCode compile worker listening');
  stopOnSignals(logger, 'compile worker', () => worker.close());
}

void main();
