import type { LiveSessionControl, SessionTerminator } from '@sooscode/domain';
import type { LiveFanOut } from './live-fan-out';
import type { JsonObject } from '../stomp/stomp-application';
import type { SubscriptionRegistry } from '../stomp/subscription-registry';
import { belongsToClass } from './class-destinations';
import { joinedClasses } from './joined-classes';

/**
 * Broadcasts, detaches and terminates the STOMP sessions of THIS process. On one node it is the whole
 * implementation; with Redis, `RedisLiveBus` relays every command to each node's instance.
 */
export class LocalLiveSessions implements LiveFanOut, LiveSessionControl, SessionTerminator {
  constructor(private readonly registry: SubscriptionRegistry) {}

  async publish(destination: string, payload: object): Promise<void> {
    this.registry.publish(destination, payload as JsonObject);
  }

  /** Publishes an already serialized JSON object (relayed from another node). */
  publishJson(destination: string, json: string): void {
    this.registry.publishJson(destination, json);
  }

  async sendToUser(userId: number, destination: string, payload: object): Promise<void> {
    this.registry.sendToUser(userId, destination, payload as JsonObject);
  }

  async detach(classId: number, userId?: number): Promise<void> {
    const sessions = userId === undefined ? this.registry.allSessions() : this.registry.sessionsOf(userId);
    for (const session of sessions) {
      session.detach((destination) => belongsToClass(destination, classId));
      joinedClasses(session).delete(classId);
    }
  }

  async closeFamilies(familyIds: readonly string[]): Promise<void> {
    const families = new Set(familyIds);
    for (const session of this.registry.allSessions()) if (families.has(session.principal.familyId)) session.close('GLOBAL_401');
  }

  async closeUser(userId: number): Promise<void> {
    for (const session of this.registry.sessionsOf(userId)) session.close('GLOBAL_401');
  }
}
