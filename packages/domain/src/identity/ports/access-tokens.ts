import type { Result } from '../../shared/result';
import type { Role } from '../user';

/** Claims an access token carries (http.md §1.7). */
export interface AccessClaims {
  readonly userId: number;
  readonly email: string;
  readonly role: Role;
  readonly familyId: string;
  readonly jti: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/** Signs access tokens (JWT, pinned algorithm, typed, with issuer and audience). */
export interface AccessTokenIssuer {
  /** A fresh token for the subject; `jti` is random; lifetime is the configured TTL. */
  issue(subject: { userId: number; email: string; role: Role; familyId: string }, now: Date): Promise<{ token: string; claims: AccessClaims }>;
  /** The configured lifetime in seconds (JWT_ACCESS_TTL_S). */
  readonly ttlS: number;
}

/** Why a token was refused: `expired` maps to AUTH_401, everything else to GLOBAL_401. */
export type AccessTokenRejection = 'expired' | 'invalid';

/** Verifies access tokens: signature, algorithm, `typ`, `iss`, `aud`, expiry (with small leeway). */
export interface AccessTokenVerifier {
  verify(token: string, now: Date): Promise<Result<AccessClaims, AccessTokenRejection>>;
}

/** Remembers access-token ids refused before their natural expiry (logout). */
export interface AccessTokenDenylist {
  /** Refuses `jti` until `until`; the entry may be forgotten after that. */
  deny(jti: string, until: Date): Promise<void>;
  /** True when `jti` is refused. */
  isDenied(jti: string): Promise<boolean>;
}
