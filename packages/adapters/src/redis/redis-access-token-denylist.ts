import type { Redis } from 'ioredis';
import type { AccessTokenDenylist } from '@sooscode/domain';

/** Denied access-token ids as Redis keys expiring when the token would have. */
export class RedisAccessTokenDenylist implements AccessTokenDenylist {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'sooscode:',
  ) {}

  async deny(jti: string, until: Date): Promise<void> {
    if (until.getTime() <= Date.now()) return;
    await this.redis.set(`${this.prefix}deny:${jti}`, '1', 'PXAT', until.getTime());
  }

  async isDenied(jti: string): Promise<boolean> {
    return (await this.redis.exists(`${this.prefix}deny:${jti}`)) === 1;
  }
}
