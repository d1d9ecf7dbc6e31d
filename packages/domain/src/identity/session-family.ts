/**
 * A login session: every refresh token of one login belongs to one family (http.md §1.7).
 * Tokens are numbered by `seq`; only the current one (`seq`) refreshes, its predecessor
 * (`seq - 1`) only within the reuse grace window.
 */
export interface SessionFamily {
  readonly id: string;
  readonly userId: number;
  /** Sequence number of the current refresh token (1 after login). */
  readonly seq: number;
  readonly createdAt: Date;
  /** The family ends here whatever happens (REFRESH_ABSOLUTE_TTL_S after login). */
  readonly absoluteExpiresAt: Date;
  /** When the current refresh token was issued; it expires REFRESH_TTL_S later. */
  readonly currentIssuedAt: Date;
  /** When the predecessor of the current token was superseded, or null before the first rotation. */
  readonly previousSupersededAt: Date | null;
  readonly revoked: boolean;
}

/** True while the family may authenticate requests at `now`. */
export function isFamilyLive(family: SessionFamily | null, now: Date): family is SessionFamily {
  return family !== null && !family.revoked && now.getTime() < family.absoluteExpiresAt.getTime();
}
