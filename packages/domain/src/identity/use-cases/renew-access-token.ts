import type { Clock } from '../../shared/clock';
import type { IdentityPolicy } from '../identity-policy';
import type { AccessTokenIssuer } from '../ports/access-tokens';
import type { RefreshTokenStore } from '../ports/refresh-token-store';
import type { Principal } from '../principal';
import { isFamilyLive } from '../session-family';

/**
 * The sliding access cookie (http.md §1.7): when the presented access token expires within
 * ACCESS_RENEW_BEFORE_S, a fresh one is issued for the same family, never outliving it: `ttlS` (the
 * cookie's Max-Age) is the token lifetime capped at the family's absolute expiry.
 * Returns null when no renewal is due or allowed.
 */
export class RenewAccessToken {
  constructor(
    private readonly issuer: AccessTokenIssuer,
    private readonly store: RefreshTokenStore,
    private readonly clock: Clock,
    private readonly policy: IdentityPolicy,
  ) {}

  async execute(principal: Principal): Promise<{ token: string; ttlS: number } | null> {
    if (!principal.tokenExpiresAt) return null;
    const now = this.clock.now();
    if (principal.tokenExpiresAt.getTime() - now.getTime() > this.policy.accessRenewBeforeS * 1000) return null;
    const family = await this.store.get(principal.familyId);
    if (!isFamilyLive(family, now)) return null;
    const ttlS = Math.min(this.issuer.ttlS, Math.floor((family.absoluteExpiresAt.getTime() - now.getTime()) / 1000));
    if (ttlS <= 0) return null;
    const { token } = await this.issuer.issue(
      { userId: principal.userId, email: principal.email, role: principal.role, familyId: principal.familyId },
      now,
    );
    return { token, ttlS };
  }
}
