import type { UserRepository } from '@sooscode/domain';
import type { NewUser, User } from '@sooscode/domain';
import type { Clock } from '@sooscode/domain';
import { KeyedReadCache } from './keyed-read-cache';

/**
 * A read-through cache of `findById` in front of a `UserRepository` (every authenticated request reads
 * the user). Writes through this instance invalidate at once and call `onWrite` so other nodes can
 * `invalidate` too (the server relays it over Redis); entries also expire after `ttlMs`. A read that
 * raced with an invalidation is not cached. `findByEmail` is not cached.
 */
export class CachedUserRepository implements UserRepository {
  private readonly cache: KeyedReadCache<User | null>;

  constructor(
    private readonly inner: UserRepository,
    clock: Clock,
    ttlMs: number,
    maxEntries = 50_000,
    private readonly onWrite: (userId: number) => void = () => undefined,
  ) {
    this.cache = new KeyedReadCache(clock, ttlMs, maxEntries);
  }

  findById(id: number): Promise<User | null> {
    return this.cache.get(String(id), () => this.inner.findById(id));
  }

  findByEmail(email: string): Promise<User | null> {
    return this.inner.findByEmail(email);
  }

  async create(user: NewUser): Promise<User> {
    const created = await this.inner.create(user);
    this.invalidate(created.id);
    return created;
  }

  async update(user: User): Promise<void> {
    this.invalidate(user.id);
    try {
      await this.inner.update(user);
    } finally {
      this.invalidate(user.id);
      this.onWrite(user.id);
    }
  }

  anyAdmin(): Promise<boolean> {
    return this.inner.anyAdmin();
  }

  /** Forgets the cached record of `userId` (a write here or on another node). */
  invalidate(userId: number): void {
    this.cache.invalidate(String(userId));
  }
}
