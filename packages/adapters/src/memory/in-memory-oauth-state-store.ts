import type { Clock } from '@sooscode/domain';
import type { PendingOAuthLogin } from '@sooscode/domain';
import type { OAuthStateStore } from '@sooscode/domain';
import { ExpiringMap } from './expiring-map';

/** Pending sign-ins in process memory (one node). `take` is atomic because it never awaits. */
export class InMemoryOAuthStateStore implements OAuthStateStore {
  private readonly logins: ExpiringMap<PendingOAuthLogin>;

  constructor(clock: Clock) {
    this.logins = new ExpiringMap(clock);
  }

  async put(id: string, login: PendingOAuthLogin, ttlS: number): Promise<void> {
    this.logins.set(id, { ...login }, Math.max(1, ttlS) * 1000);
  }

  async take(id: string): Promise<PendingOAuthLogin | null> {
    const login = this.logins.get(id);
    this.logins.delete(id);
    return login ?? null;
  }
}
