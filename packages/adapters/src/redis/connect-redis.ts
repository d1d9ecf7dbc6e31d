import { Redis } from 'ioredis';
import type { Logger } from '../system/logger';

/**
 * Opens a Redis connection and waits until it is ready; rejects when the server cannot be reached.
 * Auto-pipelining batches the commands issued in one tick (e.g. the parallel checks of every
 * authenticated request) into one socket write.
 */
export async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: true, enableAutoPipelining: true });
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis error'));
  await redis.connect();
  return redis;
}

/** Closes a connection, forcefully when QUIT does not go through. */
export async function closeRedis(redis: Redis): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}

export type { Redis };
