import type { Clock } from '@sooscode/domain';

/**
 * A small read cache whose entries all die together when `bump()` is called (a write on this node, or
 * an invalidation relayed from another node), and individually after `ttlMs`. A read that started
 * before a bump is not cached. Bounded to `maxEntries` (oldest evicted).
 */
export class ReadCache {
  private generation = 0;
  private readonly entries = new Map<string, { value: unknown; until: number; generation: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  /** The cached value of `key`, or the loaded one (cached unless a bump happened meanwhile). */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.generation && hit.until > now) return hit.value as T;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, until: now + this.ttlMs, generation });
    }
    return value;
  }

  /** Invalidates every entry at once. */
  bump(): void {
    this.generation++;
    this.entries.clear();
  }
}
