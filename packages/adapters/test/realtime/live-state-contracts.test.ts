import { describe } from 'vitest';
import type { HarnessFactory } from '@sooscode/domain/testing';
import { FixedClock, liveStoresContract, presenceRegistryContract } from '@sooscode/domain/testing';
import { InMemoryCodeDocumentStore, InMemoryKickBanStore, InMemoryLiveModeStore, InMemoryPresenceRegistry, InMemoryVideoPresenceStore } from '@sooscode/adapters/memory';
import { RedisPresenceRegistry } from '../../src/redis/redis-presence-registry';
import { RedisCodeDocumentStore, RedisKickBanStore, RedisLiveModeStore, RedisVideoPresenceStore } from '../../src/redis/redis-live-state';
import { HAS_REDIS, openTestRedis } from '../support/services';

function memory<T>(make: (clock: FixedClock) => T): HarnessFactory<T> {
  return async () => {
    const clock = new FixedClock();
    return { subject: make(clock), now: () => clock.now(), advance: async (ms) => clock.advance(ms), teardown: async () => undefined };
  };
}

function redis<T>(make: (r: Awaited<ReturnType<typeof openTestRedis>>) => T): HarnessFactory<T> {
  return async () => {
    const r = await openTestRedis();
    return {
      subject: make(r),
      now: () => new Date(),
      advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      teardown: () => r.close(),
    };
  };
}

presenceRegistryContract('in-memory', memory(() => new InMemoryPresenceRegistry()));
liveStoresContract('in-memory', {
  mode: memory(() => new InMemoryLiveModeStore()),
  bans: memory((c) => new InMemoryKickBanStore(c)),
  video: memory(() => new InMemoryVideoPresenceStore()),
  code: memory((c) => new InMemoryCodeDocumentStore(c)),
});

describe.skipIf(!HAS_REDIS)('Redis live state', () => {
  presenceRegistryContract('redis', redis((r) => new RedisPresenceRegistry(r.redis, 'node-a', r.prefix)));
  liveStoresContract('redis', {
    mode: redis((r) => new RedisLiveModeStore(r.redis, r.prefix)),
    bans: redis((r) => new RedisKickBanStore(r.redis, r.prefix)),
    video: redis((r) => new RedisVideoPresenceStore(r.redis, r.prefix)),
    code: redis((r) => new RedisCodeDocumentStore(r.redis, r.prefix)),
  });
});
