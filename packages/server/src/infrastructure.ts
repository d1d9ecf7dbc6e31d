import { join, resolve } from 'node:path';
import { closeRedis, connectRedis, type Redis } from '@sooscode/adapters/redis/connect-redis';
import { createPinoLogger } from '@sooscode/adapters/system/pino-logger';
import type { Database, DatabaseLocation } from '@sooscode/adapters/postgres/database';
import { openDatabase } from '@sooscode/adapters/postgres/database';
import { PromMetrics } from '@sooscode/adapters/metrics/prom-metrics';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { Config } from './config/load-config';
import type { RuntimeSettings } from './config/runtime-settings';

/** Connections opened before the container is built (they are asynchronous). */
export interface Infrastructure {
  readonly logger: Logger;
  readonly database: Database;
  readonly redis: Redis | null;
  readonly metrics: PromMetrics;
  /** Closes Redis and the database. */
  close(): Promise<void>;
}

/** DATABASE_URL, or the embedded PGlite files in DATA_DIR/pgdata. */
export function databaseLocation(config: Config): DatabaseLocation {
  return config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: join(resolve(config.dataDir), 'pgdata') };
}

/** The process logger. */
export function createLogger(level: string): Logger {
  return createPinoLogger(level);
}

/** Opens the database (running migrations) and Redis when configured. */
export async function openInfrastructure(settings: RuntimeSettings, logger: Logger, metrics = new PromMetrics()): Promise<Infrastructure> {
  const { config } = settings;
  const database = await openDatabase(databaseLocation(config), logger, { poolSize: config.databasePoolSize, onQueryError: () => metrics.databaseError() });
  let redis: Redis | null = null;
  if (config.redisUrl) {
    try {
      redis = await connectRedis(config.redisUrl, logger);
      redis.on('error', () => metrics.redisError());
    } catch (e) {
      await database.close();
      throw e;
    }
  }
  return {
    logger,
    database,
    redis,
    metrics,
    async close() {
      if (redis) await closeRedis(redis);
      await database.close();
    },
  };
}
