import { ConfigError } from './config/load-config';
import { loadConfigOrExit, stopOnSignals } from './process-entry';
import { startApiServer } from './api-server';

/** Entry point of the API server: `pnpm start`. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  let server;
  try {
    server = await startApiServer(config, process.env);
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : `start-up failed: ${(e as Error).message}`}\n`);
    process.exit(1);
  }
  const { logger, settings } = server;
  if (settings.jwtSecretGenerated) logger.warn({ dataDir: settings.dataDir }, 'JWT_SECRET not set: using a generated secret kept in DATA_DIR (development only)');
  if (!config.smtpHost) logger.warn({}, 'SMTP_HOST not set: the development mailer writes every message, verification codes included, to this log');
  if (settings.livekit.devDefaults) logger.warn({}, 'LiveKit development key pair (devkey/secret) in use: anyone can sign tokens and webhooks with it; set LIVEKIT_API_KEY/LIVEKIT_API_SECRET');
  logger.info({ url: server.url, database: settings.embedded ? 'pglite' : 'postgres', redis: Boolean(config.redisUrl) }, 'SoosCode API listening');
  stopOnSignals(logger, 'API', () => server.close());
}

void main();
