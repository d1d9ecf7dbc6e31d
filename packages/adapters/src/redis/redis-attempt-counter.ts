import type { Redis } from 'ioredis';
import type { AttemptCounter } from '@sooscode/domain';

const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

/** Fixed-window counters: `INCR` plus an expiry set on the first hit, atomically in Lua. */
export class RedisAttemptCounter implements AttemptCounter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'sooscode:',
  ) {}

  async hit(key: string, windowS: number): Promise<{ count: number; resetInS: number }> {
    const [count, ttlMs] = (await this.redis.eval(HIT, 1, `${this.prefix}cnt:${key}`, windowS * 1000)) as [number, number];
    return { count, resetInS: Math.max(1, Math.ceil(ttlMs / 1000)) };
  }

  async peek(key: string): Promise<{ count: number; resetInS: number }> {
    const [value, ttl] = await Promise.all([this.redis.get(`${this.prefix}cnt:${key}`), this.redis.pttl(`${this.prefix}cnt:${key}`)]);
    if (value === null || ttl === -2) return { count: 0, resetInS: 0 };
    return { count: Number(value), resetInS: Math.max(1, Math.ceil(ttl / 1000)) };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(`${this.prefix}cnt:${key}`);
  }
}
