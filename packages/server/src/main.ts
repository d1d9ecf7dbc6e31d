import { ConfigError } from './config/load-config';
import { loadConfigOrExit, stopOnSignals } from './process-entry';
import { startApiServer } from './api-server';

/** Entry point of the API server: `pnpm start`. */
async function main(): Promise<void> {
  process.umask(0o077); // files this process creates (DATA_DIR, the embedded database) are private
  const config = loadConfigOrExit(process.env);
  let server;
  try {
    server = await startApiServer(config, process.env);
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : `start-up failed: ${(e as Error).message}`}\n`);
    process.exit(1);
  }
  const { logger, settings } = server;
  const report = settings.dataDirReport;
  if (report && report.exposed.length > 0) logger.warn({ dataDir: settings.dataDir, paths: report.exposed.length }, 'DATA_DIR was open to other users: removed their access (now 0700)');
  if (report && report.stillOpen.length > 0) logger.error({ dataDir: settings.dataDir, paths: report.stillOpen.slice(0, 5) }, 'DATA_DIR holds paths other users can read that this user cannot change: fix their owner or mode');
  if (settings.jwtSecretGenerated) logger.warn({ dataDir: settings.dataDir }, 'JWT_SECRET not set: using a generated secret kept in DATA_DIR (development only)');
  if (!config.smtpHost) logger.warn({}, 'SMTP_HOST not set: the development mailer writes every message, verification codes included, to this log');
  if (settings.livekit.devDefaults) logger.warn({}, 'LiveKit development key pair (devkey/secret) in use: anyone can sign tokens and webhooks with it; set LIVEKIT_API_KEY/LIVEKIT_API_SECRET');
  logger.info({ url: server.url, database: settings.embedded ? 'pglite' : 'postgres', redis: Boolean(config.redisUrl) }, 'SoosCode API listening');
  stopOnSignals(logger, 'API', () => server.close());
}

void main();
