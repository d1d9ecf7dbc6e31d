import type { Logger } from '@sooscode/adapters/system/logger';
import { ConfigError, loadConfig, type Config } from './config/load-config';

/** Loads and validates the configuration; on an invalid value prints the problems and exits with code 2. */
export function loadConfigOrExit(env: Readonly<Record<string, string | undefined>>): Config {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

/** On SIGTERM or SIGINT, runs `close` once and exits 0 (1 when closing failed). */
export function stopOnSignals(logger: Logger, what: string, close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${what} shutting down`);
    close().then(
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
