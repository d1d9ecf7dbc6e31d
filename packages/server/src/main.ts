import { ConfigError, loadConfig } from './config/load-config';
import { startApiServer } from './api-server';

/** Entry point of the API server: `pnpm start`. */
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
  let server;
  try {
    server = await startApiServer(config, process.env);
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : `start-up failed: ${(e as Error).message}`}\n`);
    process.exit(1);
  }
  const { logger, settings } = server;
  if (settings.jwtSecretGenerated) logger.warn({ dataDir: settings.dataDir }, 'JWT_SECRET not set: using a generated secret kept in DATA_DIR (development only)');
  if (settings.livekit.devDefaults) logger.warn({}, 'LiveKit development key pair (devkey/secret) in use: anyone can sign tokens and webhooks with it; set LIVEKIT_API_KEY/LIVEKIT_API_SECRET');
  logger.info({ url: server.url, database: settings.embedded ? 'pglite' : 'postgres', redis: Boolean(config.redisUrl) }, 'SoosCode API listening');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close().then(
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
