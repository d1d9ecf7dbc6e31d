import { describe } from 'vitest';
import {
  accessTokenDenylistContract,
  attemptCounterContract,
  emailVerificationStoreContract,
  refreshTokenStoreContract,
  userRepositoryContract,
  type ContractHarness,
} from '@sooscode/domain/testing';
import type { Redis } from 'ioredis';
import { TypeOrmUserRepository } from '../../src/postgres/typeorm-user-repository';
import { RedisAccessTokenDenylist } from '../../src/redis/redis-access-token-denylist';
import { RedisAttemptCounter } from '../../src/redis/redis-attempt-counter';
import { RedisEmailVerificationStore } from '../../src/redis/redis-email-verification-store';
import { RedisRefreshTokenStore } from '../../src/redis/redis-refresh-token-store';
import { HAS_REDIS, openTestDatabase, openTestRedis } from '../support/services';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Postgres (or embedded PGlite outside CI): a fresh migrated database per test.
userRepositoryContract('TypeORM on Postgres', async (): Promise<ContractHarness<TypeOrmUserRepository>> => {
  const db = await openTestDatabase();
  return {
    subject: new TypeOrmUserRepository(db.database.dataSource),
    now: () => new Date(),
    advance: sleep,
    teardown: () => db.close(),
  };
});

/** A Redis harness with a key prefix of its own; `advance` really waits, since Redis expires keys by its own clock. */
function redisHarness<T>(build: (redis: Redis, prefix: string) => T): () => Promise<ContractHarness<T>> {
  return async () => {
    const r = await openTestRedis();
    return { subject: build(r.redis, r.prefix), now: () => new Date(), advance: sleep, teardown: () => r.close() };
  };
}

describe.skipIf(!HAS_REDIS)('Redis identity stores', () => {
  refreshTokenStoreContract('Redis', redisHarness((redis, prefix) => new RedisRefreshTokenStore(redis, prefix)));
  accessTokenDenylistContract('Redis', redisHarness((redis, prefix) => new RedisAccessTokenDenylist(redis, prefix)));
  attemptCounterContract('Redis', redisHarness((redis, prefix) => new RedisAttemptCounter(redis, prefix)));
  emailVerificationStoreContract('Redis', redisHarness((redis, prefix) => new RedisEmailVerificationStore(redis, prefix)));
});
