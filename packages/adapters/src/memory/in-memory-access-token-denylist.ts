import type { Clock } from '@sooscode/domain';
import type { AccessTokenDenylist } from '@sooscode/domain';
import { ExpiringMap } from './expiring-map';

/** Denied access-token ids in process memory, forgotten when the token would have expired. */
export class InMemoryAccessTokenDenylist implements AccessTokenDenylist {
  private readonly denied: ExpiringMap<true>;

  constructor(private readonly clock: Clock) {
    this.denied = new ExpiringMap(clock);
  }

  async deny(jti: string, until: Date): Promise<void> {
    const ttl = until.getTime() - this.clock.now().getTime();
    if (ttl > 0) this.denied.set(jti, true, ttl);
  }

  async isDenied(jti: string): Promise<boolean> {
    return this.denied.get(jti) === true;
  }
}
