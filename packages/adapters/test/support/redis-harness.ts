import type { ContractHarness } from '@sooscode/domain/testing';
import type { Redis } from '@sooscode/adapters/redis/connect-redis';
import { openTestRedis } from './services';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A Redis contract harness with a key prefix of its own; `advance` really waits, since Redis expires keys by its own clock. */
export function redisHarness<T>(build: (redis: Redis, prefix: string) => T): () => Promise<ContractHarness<T>> {
  return async () => {
    const r = await openTestRedis();
    return { subject: build(r.redis, r.prefix), now: () => new Date(), advance: sleep, teardown: () => r.close() };
  };
}
