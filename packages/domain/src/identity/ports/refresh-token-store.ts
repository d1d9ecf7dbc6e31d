import type { SessionFamily } from '../session-family';

/**
 * Session families and the digests of their refresh tokens. Implementations store digests only,
 * never tokens. A family and every digest of it are retained until `tokenTtlS` seconds after the
 * family's absolute expiry, so an expired token is still recognised (AUTH_403) and a superseded one
 * still detected (AUTH_404) for as long as a client could hold it; after that they may be forgotten.
 */
export interface RefreshTokenStore {
  /**
   * Stores a new family whose current token (seq 1) has `digest`. `tokenTtlS` is the idle lifetime of
   * a refresh token (REFRESH_TTL_S); it sets the retention described above.
   */
  create(family: SessionFamily, digest: string, tokenTtlS: number): Promise<void>;
  /** The family a token digest belongs to and that token's sequence number, or null if unknown or forgotten. */
  findByDigest(digest: string): Promise<{ family: SessionFamily; seq: number } | null>;
  /** The family, or null when unknown or forgotten. */
  get(familyId: string): Promise<SessionFamily | null>;
  /**
   * Atomically rotates: succeeds only if the family is not revoked, `now` is before its absolute expiry and
   * its current seq is `fromSeq`; then the new current token (seq `fromSeq + 1`) has `nextDigest`, issued at
   * `now`. Returns the updated family, or null.
   */
  rotate(familyId: string, fromSeq: number, nextDigest: string, now: Date, tokenTtlS: number): Promise<SessionFamily | null>;
  /** Marks the family revoked. Returns false when it was unknown. */
  revoke(familyId: string): Promise<boolean>;
  /** Revokes every live (not revoked, not absolutely expired) family of `userId` except `exceptFamilyId`; returns the ids revoked. */
  revokeAllForUser(userId: number, exceptFamilyId?: string): Promise<string[]>;
}
