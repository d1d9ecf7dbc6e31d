import type { Clock } from '@sooscode/domain';
import type { AttemptCounter } from '@sooscode/domain';
import { ExpiringMap } from './expiring-map';

/** Fixed-window counters in process memory. */
export class InMemoryAttemptCounter implements AttemptCounter {
  private readonly counts: ExpiringMap<number>;

  constructor(clock: Clock) {
    this.counts = new ExpiringMap(clock);
  }

  async hit(key: string, windowS: number): Promise<{ count: number; resetInS: number }> {
    const current = this.counts.get(key);
    if (current === undefined) {
      this.counts.set(key, 1, windowS * 1000);
      return { count: 1, resetInS: Math.max(1, windowS) };
    }
    const remaining = this.counts.remainingMs(key);
    this.counts.set(key, current + 1, remaining);
    return { count: current + 1, resetInS: Math.max(1, Math.ceil(remaining / 1000)) };
  }

  async peek(key: string): Promise<{ count: number; resetInS: number }> {
    const current = this.counts.get(key);
    if (current === undefined) return { count: 0, resetInS: 0 };
    return { count: current, resetInS: Math.max(1, Math.ceil(this.counts.remainingMs(key) / 1000)) };
  }

  async reset(key: string): Promise<void> {
    this.counts.delete(key);
  }
}
