import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedisPresenceRegistry } from '../../src/redis/redis-presence-registry';
import { HAS_REDIS, openTestRedis } from '../support/services';

describe.skipIf(!HAS_REDIS)('RedisPresenceRegistry across nodes', () => {
  let r: Awaited<ReturnType<typeof openTestRedis>>;
  beforeEach(async () => {
    r = await openTestRedis();
  });
  afterEach(async () => {
    await r.close();
  });

  it('shares presence between nodes and drops the entries of a node that stopped beating', async () => {
    const a = new RedisPresenceRegistry(r.redis, 'node-a', r.prefix, 10_000);
    const b = new RedisPresenceRegistry(r.redis, 'node-b', r.prefix, 100);
    await a.start();
    await b.start();
    const now = new Date();
    await a.join(5, 'sa', { userId: 1, username: 'a', instructor: true }, now);
    await b.join(5, 'sb', { userId: 2, username: 'b', instructor: false }, now);
    expect((await a.participants(5)).map((p) => p.userId)).toEqual([1, 2]);
    b.stop();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await a.participants(5)).map((p) => p.userId)).toEqual([1]);
    expect(await a.sweep()).toEqual([5]);
    expect(await a.sessionsOf(5, 2)).toEqual([]);
    a.stop();
  });
});
