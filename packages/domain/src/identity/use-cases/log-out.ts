import type { Clock } from '../../shared/clock';
import type { AccessTokenDenylist, AccessTokenVerifier } from '../ports/access-tokens';
import type { RefreshTokenStore } from '../ports/refresh-token-store';
import type { SessionTerminator } from '../ports/session-terminator';
import type { SessionIssuer } from '../session-issuer';
import { isFamilyLive } from '../session-family';

/**
 * Logout (http.md §2): the access token (if valid) or else the refresh token identifies the family;
 * the family is revoked, the access token's `jti` is denied until it expires, and the family's live
 * sessions are closed. Returns false when neither credential identifies a live session (→ 401).
 */
export class LogOut {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly denylist: AccessTokenDenylist,
    private readonly store: RefreshTokenStore,
    private readonly sessions: SessionIssuer,
    private readonly terminator: SessionTerminator,
    private readonly clock: Clock,
  ) {}

  async execute(input: { accessToken?: string; refreshToken?: string }): Promise<boolean> {
    const now = this.clock.now();
    let familyId: string | undefined;
    if (input.accessToken) {
      const verified = await this.verifier.verify(input.accessToken, now);
      if (verified.ok) {
        await this.denylist.deny(verified.value.jti, verified.value.expiresAt);
        const family = await this.store.get(verified.value.familyId);
        if (isFamilyLive(family, now)) familyId = family.id;
      }
    }
    if (!familyId && input.refreshToken && input.refreshToken.length <= 200) {
      const found = await this.store.findByDigest(this.sessions.digest(input.refreshToken));
      if (found && found.seq === found.family.seq && isFamilyLive(found.family, now)) familyId = found.family.id;
    }
    if (!familyId) return false;
    await this.store.revoke(familyId);
    await this.terminator.closeFamilies([familyId]);
    return true;
  }
}
