import type { Clock } from '../../shared/clock';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { AccessTokenDenylist, AccessTokenVerifier } from '../ports/access-tokens';
import type { RefreshTokenStore } from '../ports/refresh-token-store';
import type { UserRepository } from '../ports/user-repository';
import type { Principal } from '../principal';
import { isFamilyLive } from '../session-family';

/** `AUTH_401` for an expired token, `GLOBAL_401` for everything else. */
export type AuthFailure = 'AUTH_401' | 'GLOBAL_401';

/**
 * Authenticates an access token on every request (http.md §1.7): signature and claims, the `jti`
 * not denied, the session family live, the user existing and ACTIVE. Role and name come from the
 * user record, never from the token.
 */
export class AuthenticateAccessToken {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly denylist: AccessTokenDenylist,
    private readonly families: RefreshTokenStore,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async execute(token: string): Promise<Result<Principal, AuthFailure>> {
    const now = this.clock.now();
    const verified = await this.verifier.verify(token, now);
    if (!verified.ok) return err(verified.error === 'expired' ? 'AUTH_401' : 'GLOBAL_401');
    const claims = verified.value;
    const [denied, family, user] = await Promise.all([
      this.denylist.isDenied(claims.jti),
      this.families.get(claims.familyId),
      this.users.findById(claims.userId),
    ]);
    if (denied || !isFamilyLive(family, now) || family.userId !== claims.userId) return err('GLOBAL_401');
    if (!user || user.status !== 'ACTIVE') return err('GLOBAL_401');
    return ok({
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      profileImageUrl: user.profileImageUrl,
      familyId: claims.familyId,
      tokenExpiresAt: claims.expiresAt,
    });
  }
}
