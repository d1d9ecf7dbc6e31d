import type { SessionFamily } from '../session-family';

/**
 * Session families and the digests of their refresh tokens. Implementations store digests only,
 * never tokens, and may forget a family after its absolute expiry.
 */
export interface RefreshTokenStore {
  /** Stores a new family whose current token (seq 1) has `digest`. Idle TTL of token index entries: `tokenTtlS`. */
  create(family: SessionFamily, digest: string, tokenTtlS: number): Promise<void>;
  /** The family a token digest belongs to and that token's sequence number, or null if unknown. */
  findByDigest(digest: string): Promise<{ family: SessionFamily; seq: number } | null>;
  /** The family, or null when unknown or forgotten. */
  get(familyId: string): Promise<SessionFamily | null>;
  /**
   * Atomically rotates: succeeds only if the family is live and its current seq is `fromSeq`; then the new
   * current token (seq `fromSeq + 1`) has `nextDigest`, issued at `now`. Returns the updated family, or null.
   */
  rotate(familyId: string, fromSeq: number, nextDigest: string, now: Date, tokenTtlS: number): Promise<SessionFamily | null>;
  /** Marks the family revoked. Returns false when it was unknown. */
  revoke(familyId: string): Promise<boolean>;
  /** Revokes every live family of `userId` except `exceptFamilyId`; returns the ids revoked. */
  revokeAllForUser(userId: number, exceptFamilyId?: string): Promise<string[]>;
}
