import type { Clock } from '@sooscode/domain';

/**
 * A map whose entries expire at a given instant of the injected clock. Expired entries are dropped
 * when read, and swept every `sweepEvery` writes so memory stays bounded by the live entries.
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  private writes = 0;

  constructor(
    private readonly clock: Clock,
    private readonly sweepEvery = 1024,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Milliseconds until `key` expires, or 0 when absent. */
  remainingMs(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    return Math.max(0, entry.expiresAt - this.clock.now().getTime());
  }

  set(key: string, value: V, ttlMs: number): void {
    this.entries.set(key, { value, expiresAt: this.clock.now().getTime() + ttlMs });
    if (++this.writes % this.sweepEvery === 0) this.sweep();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Live values (expired ones are skipped). */
  *values(): IterableIterator<[string, V]> {
    const now = this.clock.now().getTime();
    for (const [k, e] of this.entries) if (e.expiresAt > now) yield [k, e.value];
  }

  /** Drops every expired entry. */
  sweep(): void {
    const now = this.clock.now().getTime();
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
  }

  get size(): number {
    return this.entries.size;
  }
}
