import type { Clock } from '../../shared/clock';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { RefreshTokenStore } from '../ports/refresh-token-store';
import type { UserRepository } from '../ports/user-repository';
import type { Principal } from '../principal';
import type { IdentityPolicy } from '../identity-policy';
import { isFamilyLive } from '../session-family';
import type { SessionIssuer } from '../session-issuer';

/**
 * Read-only authentication by refresh token, for live connections whose access cookie expired
 * (stomp.md §2.1 source 4): accepted only when it is the CURRENT token of a live, unexpired family of
 * an ACTIVE user. Never rotates or consumes it; a superseded token is simply refused (no reuse alarm).
 */
export class AuthenticateRefreshToken {
  constructor(
    private readonly store: RefreshTokenStore,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
    private readonly policy: IdentityPolicy,
  ) {}

  async execute(refreshToken: string): Promise<Result<Principal, 'GLOBAL_401'>> {
    if (!/^[A-Za-z0-9_-]{20,200}$/.test(refreshToken)) return err('GLOBAL_401');
    const found = await this.store.findByDigest(this.sessions.digest(refreshToken));
    const now = this.clock.now();
    if (!found || found.seq !== found.family.seq || !isFamilyLive(found.family, now)) return err('GLOBAL_401');
    if (now.getTime() >= found.family.currentIssuedAt.getTime() + this.policy.refreshTtlS * 1000) return err('GLOBAL_401');
    const user = await this.users.findById(found.family.userId);
    if (!user || user.status !== 'ACTIVE') return err('GLOBAL_401');
    return ok({ userId: user.id, email: user.email, name: user.name, role: user.role, profileImageUrl: user.profileImageUrl, familyId: found.family.id, tokenExpiresAt: null });
  }
}
