import type { Redis } from 'ioredis';
import type { Logger } from '../system/logger';

/** What changed: one user record, or any class or enrolment. */
export type CacheInvalidation = { readonly kind: 'user'; readonly userId: number } | { readonly kind: 'classroom' };

/**
 * Tells every node that cached data changed, so their read caches drop it at once (a role change or a
 * class edit applies to the very next request on any node). Each node, this one included, receives
 * every message it subscribed to.
 */
export class RedisCacheInvalidationRelay {
  private readonly channel: string;
  private subscriber: Redis | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    prefix = 'sooscode:',
  ) {
    this.channel = `${prefix}cache-invalidation`;
  }

  publish(change: CacheInvalidation): void {
    const message = change.kind === 'user' ? `user:${change.userId}` : 'classroom';
    this.redis.publish(this.channel, message).catch((err: unknown) => this.logger.warn({ err }, 'cache invalidation publish failed'));
  }

  async start(onChange: (change: CacheInvalidation) => void): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', (err: Error) => this.logger.warn({ err: err.message }, 'cache invalidation relay error'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      if (message === 'classroom') return onChange({ kind: 'classroom' });
      const id = Number(message.startsWith('user:') ? message.slice(5) : NaN);
      if (Number.isSafeInteger(id) && id > 0) onChange({ kind: 'user', userId: id });
    });
    await this.subscriber.subscribe(this.channel);
  }

  async stop(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
