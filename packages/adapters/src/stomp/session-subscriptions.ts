import type { StompVersion } from './stomp-frame';
import { Subscription, type Subscriber } from './subscription';
import type { SubscriptionRegistry } from './subscription-registry';

/** The destination every session may subscribe to for its own error messages (stomp.md §6.1). */
export const ERRORS_DESTINATION = '/user/queue/errors';

/** The subscriptions of one session, kept in step with the shared registry. */
export class SessionSubscriptions {
  private readonly byId = new Map<string, Subscription>();

  constructor(
    private readonly registry: SubscriptionRegistry,
    private readonly owner: Subscriber,
  ) {}

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  isSubscribedTo(destination: string): boolean {
    for (const subscription of this.byId.values()) if (subscription.destination === destination) return true;
    return false;
  }

  /**
   * Registers a subscription. With `holdMessages`, publications are buffered on it until the
   * caller releases them (after the snapshot).
   */
  add(id: string, destination: string, ack: boolean, version: StompVersion, holdMessages: boolean): Subscription {
    const subscription = new Subscription(this.owner, id, destination, ack, version);
    if (holdMessages) subscription.pending = [];
    this.byId.set(id, subscription);
    this.registry.add(subscription);
    return subscription;
  }

  /** Removes the subscription with `id` if it is still the given one (or any, when omitted). */
  remove(id: string, only?: Subscription): boolean {
    const subscription = this.byId.get(id);
    if (!subscription || (only && subscription !== only)) return false;
    this.byId.delete(id);
    this.registry.remove(subscription);
    return true;
  }

  /** Removes every subscription whose destination matches; returns how many. */
  removeMatching(matches: (destination: string) => boolean): number {
    let removed = 0;
    for (const [id, subscription] of this.byId) {
      if (!matches(subscription.destination)) continue;
      this.byId.delete(id);
      this.registry.remove(subscription);
      removed++;
    }
    return removed;
  }

  clear(): void {
    for (const subscription of this.byId.values()) this.registry.remove(subscription);
    this.byId.clear();
  }

  /** The session's subscriptions to its error queue. */
  errorQueues(): Subscription[] {
    const queues: Subscription[] = [];
    for (const subscription of this.byId.values()) if (subscription.destination === ERRORS_DESTINATION) queues.push(subscription);
    return queues;
  }
}
