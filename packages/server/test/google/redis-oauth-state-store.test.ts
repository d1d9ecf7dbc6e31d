import { describe } from 'vitest';
import { oauthStateStoreContract } from '@sooscode/domain/testing';
import { RedisOAuthStateStore } from '@sooscode/adapters/redis/redis-oauth-state-store';
import { HAS_REDIS, openTestRedis } from '../../../adapters/test/support/services';

describe.skipIf(!HAS_REDIS)('RedisOAuthStateStore', () => {
  oauthStateStoreContract('redis', async () => {
    const { redis, prefix, close } = await openTestRedis();
    return {
      subject: new RedisOAuthStateStore(redis, prefix),
      now: () => new Date(),
      advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      teardown: close,
    };
  });
});
