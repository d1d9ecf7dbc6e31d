import type { Clock } from '@sooscode/domain';

/**
 * A read cache with per-key invalidation: `invalidate(key)` drops one entry at once, and a read that
 * started before an invalidation of its key is not cached. Entries expire after `ttlMs`; at most
 * `maxEntries` are kept (oldest evicted).
 */
export class KeyedReadCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const version = this.versions.get(key) ?? 0;
    const value = await load();
    if ((this.versions.get(key) ?? 0) === version) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, until: now + this.ttlMs });
    }
    return value;
  }

  invalidate(key: string): void {
    this.entries.delete(key);
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    if (this.versions.size > this.maxEntries * 4) this.versions.delete(this.versions.keys().next().value!);
  }
}
