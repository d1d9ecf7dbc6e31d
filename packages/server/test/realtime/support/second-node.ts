import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@sooscode/adapters/system/logger';
import { startApiServer, type ApiServer } from '../../../src/api-server';
import { loadConfig } from '../../../src/config/load-config';

/** A second API node and how to stop it (its database and Redis keys belong to the first node). */
export interface SecondNode extends ApiServer {
  stop(): Promise<void>;
}

/**
 * Starts another API process image sharing `first`'s Postgres database, Redis server, key prefix and
 * JWT secret, as a second instance behind a load balancer would. `first` must run with Redis and a
 * real Postgres URL. The shared test helper would create (and later drop) a database of its own,
 * so this starts the server directly.
 */
export async function startSecondNode(first: ApiServer, env: Record<string, string> = {}): Promise<SecondNode> {
  const { databaseUrl, redisUrl, redisKeyPrefix, jwtSecret } = first.settings.config;
  if (!databaseUrl || !redisUrl || !jwtSecret) throw new Error('the first node needs DATABASE_URL, REDIS_URL and JWT_SECRET');
  const dataDir = await mkdtemp(join(tmpdir(), 'sooscode-node-b-'));
  const config: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    JWT_SECRET: jwtSecret,
    AUTH_REQUIRE_EMAIL_VERIFICATION: 'false',
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    SHUTDOWN_TIMEOUT_MS: '1000',
    ...env,
  };
  const server = await startApiServer(loadConfig(config), config, { logger: silentLogger });
  return {
    ...server,
    async stop() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
