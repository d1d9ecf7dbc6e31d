import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { IdentityPolicy } from '../identity-policy';
import type { RefreshTokenStore } from '../ports/refresh-token-store';
import type { SessionTerminator } from '../ports/session-terminator';
import type { UserRepository } from '../ports/user-repository';
import type { IssuedSession, SessionIssuer } from '../session-issuer';
import type { SessionFamily } from '../session-family';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * Refresh with rotation and reuse detection (http.md §1.7, §2):
 * unknown/malformed/revoked → AUTH_402; idle or absolute expiry → AUTH_403;
 * the current token rotates; its immediate predecessor within the grace window gets the same current
 * token re-sent; any other superseded token revokes the family (AUTH_404) and closes its live sessions.
 */
export class RefreshSession {
  constructor(
    private readonly store: RefreshTokenStore,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
    private readonly terminator: SessionTerminator,
    private readonly clock: Clock,
    private readonly policy: IdentityPolicy,
  ) {}

  async execute(refreshToken: string | undefined): Promise<Result<IssuedSession, DomainError>> {
    if (!refreshToken || !TOKEN_SHAPE.test(refreshToken)) return err(domainError('AUTH_402'));
    const found = await this.store.findByDigest(this.sessions.digest(refreshToken));
    if (!found || found.family.revoked) return err(domainError('AUTH_402'));
    const { family, seq } = found;
    const now = this.clock.now();
    if (now.getTime() >= family.absoluteExpiresAt.getTime()) return err(domainError('AUTH_403'));
    const user = await this.users.findById(family.userId);
    if (!user || user.status !== 'ACTIVE') return err(domainError('AUTH_402'));

    if (seq === family.seq) {
      if (now.getTime() >= family.currentIssuedAt.getTime() + this.policy.refreshTtlS * 1000) return err(domainError('AUTH_403'));
      const nextToken = this.sessions.refreshToken(family.id, seq + 1);
      const rotated = await this.store.rotate(family.id, seq, this.sessions.digest(nextToken), now, this.policy.refreshTtlS);
      if (rotated) return ok(await this.sessions.credentials(user, rotated, nextToken, now));
      // Lost a race with a concurrent refresh: the token is now the predecessor; fall through to the grace rule.
      const current = await this.store.get(family.id);
      if (current && !current.revoked && current.seq === seq + 1) return this.grace(user.id, current, now);
      return err(domainError('AUTH_402'));
    }
    if (seq === family.seq - 1) return this.grace(user.id, family, now);
    return this.reuse(family.id);
  }

  private async grace(userId: number, family: SessionFamily, now: Date): Promise<Result<IssuedSession, DomainError>> {
    // The window is [supersededAt, supersededAt + grace): REFRESH_REUSE_GRACE_S=0 disables it.
    const supersededAt = family.previousSupersededAt?.getTime() ?? 0;
    if (now.getTime() >= supersededAt + this.policy.refreshReuseGraceS * 1000) return this.reuse(family.id);
    const user = await this.users.findById(userId);
    if (!user) return err(domainError('AUTH_402'));
    return ok(await this.sessions.credentials(user, family, this.sessions.refreshToken(family.id, family.seq), now));
  }

  private async reuse(familyId: string): Promise<Result<IssuedSession, DomainError>> {
    await this.store.revoke(familyId);
    await this.terminator.closeFamilies([familyId]);
    return err(domainError('AUTH_404'));
  }
}
