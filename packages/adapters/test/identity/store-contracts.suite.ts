import { afterAll, describe, expect, it } from 'vitest';
import { accessTokenDenylistContract, attemptCounterContract, emailVerificationStoreContract, refreshTokenStoreContract, userRepositoryContract, type ContractHarness } from '@sooscode/domain/testing';
import { TypeOrmUserRepository } from '../../src/postgres/typeorm-user-repository';
import { RedisAccessTokenDenylist } from '../../src/redis/redis-access-token-denylist';
import { RedisAttemptCounter } from '../../src/redis/redis-attempt-counter';
import { RedisEmailVerificationStore } from '../../src/redis/redis-email-verification-store';
import { RedisRefreshTokenStore } from '../../src/redis/redis-refresh-token-store';
import { redisHarness } from '../support/redis-harness';
import { HAS_REDIS, openTestDatabase, openTestRedis } from '../support/services';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Postgres (or embedded PGlite outside CI): one migrated database for the file, emptied before each test.
let database: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
afterAll(async () => {
  await database?.close();
});
userRepositoryContract('TypeORM on Postgres', async (): Promise<ContractHarness<TypeOrmUserRepository>> => {
  database ??= await openTestDatabase();
  await database.database.dataSource.query('TRUNCATE users RESTART IDENTITY CASCADE');
  return {
    subject: new TypeOrmUserRepository(database.database.dataSource),
    now: () => new Date(),
    advance: sleep,
    teardown: async () => {},
  };
});


// Each test gets its own key prefix, so the Redis suites run their tests concurrently and overlap the waits.
describe.skipIf(!HAS_REDIS).concurrent('Redis identity stores', () => {
  const concurrent = { concurrent: true };
  refreshTokenStoreContract('Redis', redisHarness((redis, prefix) => new RedisRefreshTokenStore(redis, prefix)), concurrent);
  accessTokenDenylistContract('Redis', redisHarness((redis, prefix) => new RedisAccessTokenDenylist(redis, prefix)), concurrent);
  attemptCounterContract('Redis', redisHarness((redis, prefix) => new RedisAttemptCounter(redis, prefix)), concurrent);
  emailVerificationStoreContract('Redis', redisHarness((redis, prefix) => new RedisEmailVerificationStore(redis, prefix)), concurrent);
  emailVerificationStoreContract('Redis, password reset', redisHarness((redis, prefix) => new RedisEmailVerificationStore(redis, prefix, 'password-reset')), concurrent);
});

describe.skipIf(!HAS_REDIS)('RedisEmailVerificationStore purposes', () => {
  it('keeps registration codes and reset codes of one address apart', async () => {
    const r = await openTestRedis();
    try {
      const registration = new RedisEmailVerificationStore(r.redis, r.prefix);
      const reset = new RedisEmailVerificationStore(r.redis, r.prefix, 'password-reset');
      const now = new Date(Math.floor(Date.now() / 1000) * 1000);
      const record = { email: 'p@example.com', codeDigest: 'reg', sentAt: now, expiresAt: now, failedAttempts: 0, verifiedAt: null };
      await registration.put(record, 60);
      expect(await reset.get('p@example.com')).toBeNull();
      expect(await reset.countAttempt('p@example.com', 'reg')).toBeNull();
      await reset.put({ ...record, codeDigest: 'rst' }, 60);
      await reset.remove('p@example.com');
      expect(await registration.get('p@example.com')).toEqual(record);
    } finally {
      await r.close();
    }
  });
});
