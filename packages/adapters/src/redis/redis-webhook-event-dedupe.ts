import type { Redis } from 'ioredis';
import type { WebhookEventDedupe } from '@sooscode/domain';

/**
 * Accepted webhook event ids in Redis, one key per id (`<prefix>livekit:event:<id>`), written with
 * `SET NX EX`: the first writer of an id wins across every node, and the key expires on its own.
 */
export class RedisWebhookEventDedupe implements WebhookEventDedupe {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'sooscode:',
  ) {}

  private key(eventId: string): string {
    return `${this.prefix}livekit:event:${eventId}`;
  }

  async markSeen(eventId: string, ttlS: number): Promise<boolean> {
    return (await this.redis.set(this.key(eventId), '1', 'EX', Math.max(1, Math.ceil(ttlS)), 'NX')) === 'OK';
  }

  async forget(eventId: string): Promise<void> {
    await this.redis.del(this.key(eventId));
  }
}
