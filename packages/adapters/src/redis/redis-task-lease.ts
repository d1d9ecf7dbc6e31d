import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { TaskLease } from '../system/task-lease';

/** Deletes the lease only when this holder still owns it. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Task leases shared by every node: `SET {prefix}lease:{name} <holder> NX PX ttl`, so exactly one
 * node holds a name until the lease expires or its holder releases it (compare-and-delete, so a
 * late release never frees another holder's lease).
 */
export class RedisTaskLease implements TaskLease {
  private readonly holder = randomUUID();

  constructor(private readonly redis: Redis, private readonly prefix = 'sooscode:') {}

  async tryAcquire(name: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key(name), this.holder, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async release(name: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(name), this.holder);
  }

  private key(name: string): string {
    return `${this.prefix}lease:${name}`;
  }
}
