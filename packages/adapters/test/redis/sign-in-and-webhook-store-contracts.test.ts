import { describe } from 'vitest';
import { oauthStateStoreContract, webhookEventDedupeContract } from '@sooscode/domain/testing';
import { RedisOAuthStateStore } from '@sooscode/adapters/redis/redis-oauth-state-store';
import { RedisWebhookEventDedupe } from '@sooscode/adapters/redis/redis-webhook-event-dedupe';
import { redisHarness } from '../support/redis-harness';
import { HAS_REDIS } from '../support/services';

describe.skipIf(!HAS_REDIS)('RedisOAuthStateStore', () => {
  oauthStateStoreContract('redis', redisHarness((redis, prefix) => new RedisOAuthStateStore(redis, prefix)));
});

describe.skipIf(!HAS_REDIS)('RedisWebhookEventDedupe', () => {
  webhookEventDedupeContract('redis', redisHarness((redis, prefix) => new RedisWebhookEventDedupe(redis, prefix)));
});
