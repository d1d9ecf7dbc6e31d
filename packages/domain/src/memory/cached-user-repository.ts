import type { UserRepository } from '../identity/ports/user-repository';
import type { NewUser, User } from '../identity/user';
import type { Clock } from '../shared/clock';

/**
 * A read-through cache of `findById` in front of a `UserRepository` (every authenticated request reads
 * the user). Writes through this instance invalidate at once and call `onWrite` so other nodes can
 * `invalidate` too (the server relays it over Redis); entries also expire after `ttlMs`. A read that
 * raced with an invalidation is not cached. `findByEmail` is not cached.
 */
export class CachedUserRepository implements UserRepository {
  private readonly entries = new Map<number, { user: User | null; until: number }>();
  private readonly versions = new Map<number, number>();

  constructor(
    private readonly inner: UserRepository,
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
    private readonly onWrite: (userId: number) => void = () => undefined,
  ) {}

  async findById(id: number): Promise<User | null> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(id);
    if (hit && hit.until > now) return hit.user;
    const version = this.versions.get(id) ?? 0;
    const user = await this.inner.findById(id);
    if ((this.versions.get(id) ?? 0) === version) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(id, { user, until: now + this.ttlMs });
    }
    return user;
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
    this.entries.delete(userId);
    this.versions.set(userId, (this.versions.get(userId) ?? 0) + 1);
  }
}
