import type { Logger } from '../system/logger';
import { silentLogger } from '../system/logger';
import { PreparedMessage } from './prepared-message';
import type { JsonObject, StompSessionHandle } from './stomp-application';
import { registryKey, type Subscription } from './subscription';

/**
 * The local broker: destination → subscriptions of this process, and user → connected sessions.
 * `/user/...` destinations are resolved per userId: a message to user 7's `/user/queue/system`
 * reaches every session of user 7 that subscribed to it. Publishing is synchronous, so messages
 * published to a destination reach each subscriber in publication order. Each matching
 * subscription gets its own MESSAGE (a session with two subscriptions to a destination gets two).
 */
export class SubscriptionRegistry {
  private readonly byKey = new Map<string, Set<Subscription>>();
  private readonly sessionsByUser = new Map<number, Set<StompSessionHandle>>();
  private subscriptions = 0;

  constructor(private readonly logger: Logger = silentLogger) {}

  /** Publishes a JSON object to a shared destination (not `/user/...`); returns MESSAGEs sent. */
  publish(destination: string, payload: JsonObject): number {
    return this.fanOut(destination, destination, () => PreparedMessage.of(destination, payload));
  }

  /** Like `publish` for a body already serialized as a JSON object text (e.g. from Redis). */
  publishJson(destination: string, json: string): number {
    return this.fanOut(destination, destination, () => new PreparedMessage(destination, json));
  }

  /** Sends to `destination` (e.g. `/user/queue/system`) of every session of `userId`. */
  sendToUser(userId: number, destination: string, payload: JsonObject): number {
    return this.fanOut(registryKey(destination, userId), destination, () => PreparedMessage.of(destination, payload));
  }

  /** The connected sessions of `userId` on this process. */
  sessionsOf(userId: number): StompSessionHandle[] {
    return [...(this.sessionsByUser.get(userId) ?? [])];
  }

  /** How many sessions `userId` has on this process. */
  sessionCount(userId: number): number {
    return this.sessionsByUser.get(userId)?.size ?? 0;
  }

  /** Every connected session on this process. */
  allSessions(): StompSessionHandle[] {
    const all: StompSessionHandle[] = [];
    for (const set of this.sessionsByUser.values()) all.push(...set);
    return all;
  }

  /** Subscriptions currently registered for a shared destination (tests, metrics). */
  subscriberCount(destination: string): number {
    return this.byKey.get(destination)?.size ?? 0;
  }

  /** @internal used by sessions */
  addSession(userId: number, session: StompSessionHandle): void {
    let set = this.sessionsByUser.get(userId);
    if (!set) this.sessionsByUser.set(userId, (set = new Set()));
    set.add(session);
  }

  /** @internal used by sessions */
  removeSession(userId: number, session: StompSessionHandle): void {
    const set = this.sessionsByUser.get(userId);
    if (set?.delete(session) && set.size === 0) this.sessionsByUser.delete(userId);
  }

  /** Subscriptions of this process, over every destination and session. */
  get subscriptionCount(): number {
    return this.subscriptions;
  }

  /** @internal used by sessions */
  add(subscription: Subscription): void {
    let set = this.byKey.get(subscription.key);
    if (!set) this.byKey.set(subscription.key, (set = new Set()));
    if (!set.has(subscription)) this.subscriptions++;
    set.add(subscription);
  }

  /** @internal used by sessions */
  remove(subscription: Subscription): void {
    subscription.active = false;
    const set = this.byKey.get(subscription.key);
    if (!set?.delete(subscription)) return;
    this.subscriptions--;
    if (set.size === 0) this.byKey.delete(subscription.key);
  }

  private fanOut(key: string, destination: string, prepare: () => PreparedMessage): number {
    const subscriptions = this.byKey.get(key);
    if (!subscriptions) return 0;
    const message = prepare();
    let sent = 0;
    for (const subscription of subscriptions) {
      try {
        subscription.owner.deliver(subscription, message);
        sent++;
      } catch (e) {
        this.logger.error({ err: e, destination }, 'STOMP delivery failed');
      }
    }
    return sent;
  }
}
