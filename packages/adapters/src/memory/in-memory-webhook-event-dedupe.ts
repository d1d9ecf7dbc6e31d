import type { WebhookEventDedupe } from '@sooscode/domain';
import type { Clock } from '@sooscode/domain';
import { ExpiringMap } from './expiring-map';

/** Accepted webhook event ids in process memory (one node), expiring with the injected clock. */
export class InMemoryWebhookEventDedupe implements WebhookEventDedupe {
  private readonly seen: ExpiringMap<true>;

  constructor(clock: Clock) {
    this.seen = new ExpiringMap(clock);
  }

  /** Check and record happen without an await in between, so concurrent calls cannot both win. */
  async markSeen(eventId: string, ttlS: number): Promise<boolean> {
    if (this.seen.get(eventId)) return false;
    this.seen.set(eventId, true, Math.max(1, ttlS) * 1000);
    return true;
  }

  async forget(eventId: string): Promise<void> {
    this.seen.delete(eventId);
  }
}
