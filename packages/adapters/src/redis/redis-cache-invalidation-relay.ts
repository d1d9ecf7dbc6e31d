import type { Redis } from 'ioredis';
import type { Logger } from '../system/logger';

/** What changed: one user record, any class or enrolment, session families, or a denied access-token id. */
export type CacheInvalidation =
  | { readonly kind: 'user'; readonly userId: number }
  | { readonly kind: 'classroom' }
  | { readonly kind: 'families'; readonly familyIds: readonly string[] }
  | { readonly kind: 'jti'; readonly jti: string };

function encode(change: CacheInvalidation): string {
  switch (change.kind) {
    case 'user':
      return `user:${change.userId}`;
    case 'classroom':
      return 'classroom';
    case 'families':
      return `families:${change.familyIds.join(',')}`;
    case 'jti':
      return `jti:${change.jti}`;
  }
}

function decode(message: string): CacheInvalidation | null {
  if (message === 'classroom') return { kind: 'classroom' };
  const colon = message.indexOf(':');
  const kind = message.slice(0, colon);
  const rest = message.slice(colon + 1);
  if (kind === 'user') {
    const id = Number(rest);
    return Number.isSafeInteger(id) && id > 0 ? { kind: 'user', userId: id } : null;
  }
  if (kind === 'families') return { kind: 'families', familyIds: rest.split(',').filter(Boolean) };
  if (kind === 'jti' && rest) return { kind: 'jti', jti: rest };
  return null;
}

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
    this.redis.publish(this.channel, encode(change)).catch((err: unknown) => this.logger.warn({ err }, 'cache invalidation publish failed'));
  }

  async start(onChange: (change: CacheInvalidation) => void): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', (err: Error) => this.logger.warn({ err: err.message }, 'cache invalidation relay error'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      const change = decode(message);
      if (change) onChange(change);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async stop(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
