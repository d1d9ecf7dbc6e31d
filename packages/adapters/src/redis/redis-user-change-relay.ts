import type { Redis } from 'ioredis';
import type { Logger } from '../system/logger';

/**
 * Tells every node that a user record changed, so their user caches drop it at once (a role change
 * applies to the very next request on any node). `publish` sends the id; `start` subscribes and calls
 * `onChange` for each id received (including this node's own).
 */
export class RedisUserChangeRelay {
  private readonly channel: string;
  private subscriber: Redis | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    prefix = 'sooscode:',
  ) {
    this.channel = `${prefix}user-changed`;
  }

  publish(userId: number): void {
    this.redis.publish(this.channel, String(userId)).catch((err: unknown) => this.logger.warn({ err }, 'user-change publish failed'));
  }

  async start(onChange: (userId: number) => void): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', (err: Error) => this.logger.warn({ err: err.message }, 'user-change relay error'));
    this.subscriber.on('message', (_c: string, message: string) => {
      const id = Number(message);
      if (Number.isSafeInteger(id) && id > 0) onChange(id);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async stop(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
