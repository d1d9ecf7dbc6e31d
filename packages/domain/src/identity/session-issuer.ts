import type { Clock } from '../shared/clock';
import type { SecureRandom } from '../shared/secure-random';
import type { IdentityPolicy } from './identity-policy';
import type { AccessTokenIssuer } from './ports/access-tokens';
import type { KeyedHasher } from './ports/keyed-hasher';
import type { RefreshTokenStore } from './ports/refresh-token-store';
import type { SessionFamily } from './session-family';
import type { User } from './user';

/** The credentials handed to a client after login, Google sign-in or refresh. */
export interface IssuedSession {
  readonly accessToken: string;
  readonly accessTtlS: number;
  readonly refreshToken: string;
  readonly refreshTtlS: number;
  readonly familyId: string;
}

/**
 * Starts session families and derives their refresh tokens. A refresh token is the keyed hash of
 * (family id, seq), so the current token can be re-sent inside the grace window without ever being stored;
 * the store keeps only a keyed digest of each token.
 */
export class SessionIssuer {
  constructor(
    private readonly store: RefreshTokenStore,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly hasher: KeyedHasher,
    private readonly random: SecureRandom,
    private readonly clock: Clock,
    private readonly policy: IdentityPolicy,
  ) {}

  /** The refresh token number `seq` of `familyId`. */
  refreshToken(familyId: string, seq: number): string {
    return this.hasher.hash(`refresh-token:${familyId}:${seq}`);
  }

  /** The stored digest of a refresh token. */
  digest(refreshToken: string): string {
    return this.hasher.hash(`refresh-digest:${refreshToken}`);
  }

  /** Creates a new family for `user` and returns its first tokens. */
  async start(user: User): Promise<IssuedSession> {
    const now = this.clock.now();
    const family: SessionFamily = {
      id: this.random.uuid(),
      userId: user.id,
      seq: 1,
      createdAt: now,
      absoluteExpiresAt: new Date(now.getTime() + this.policy.refreshAbsoluteTtlS * 1000),
      currentIssuedAt: now,
      previousSupersededAt: null,
      revoked: false,
    };
    const refreshToken = this.refreshToken(family.id, 1);
    await this.store.create(family, this.digest(refreshToken), this.policy.refreshTtlS);
    return this.credentials(user, family, refreshToken, now);
  }

  /** Fresh access token plus the given refresh token of a live family. */
  async credentials(user: User, family: SessionFamily, refreshToken: string, now: Date): Promise<IssuedSession> {
    const { token } = await this.accessTokens.issue({ userId: user.id, email: user.email, role: user.role, familyId: family.id }, now);
    return {
      accessToken: token,
      accessTtlS: this.accessTokens.ttlS,
      refreshToken,
      refreshTtlS: this.policy.refreshTtlS,
      familyId: family.id,
    };
  }
}
