/** The newest email-verification code of an address (http.md §2). */
export interface EmailVerification {
  readonly email: string;
  /** Keyed digest of the 6-digit code; the code itself is never stored. */
  readonly codeDigest: string;
  readonly sentAt: Date;
  readonly expiresAt: Date;
  /** Wrong codes entered so far (while a verification is in flight, its attempt is already counted). */
  readonly failedAttempts: number;
  /** Set once the code was verified; registration needs this within EMAIL_VERIFIED_VALID_S. */
  readonly verifiedAt: Date | null;
}

/** Keeps one current verification per email (a new send supersedes the old one). */
export interface EmailVerificationStore {
  /** Stores `record` as the current one for its email; it may be forgotten after `ttlS` seconds. */
  put(record: EmailVerification, ttlS: number): Promise<void>;
  /** The current record for `email`, or null. */
  get(email: string): Promise<EmailVerification | null>;
  /**
   * Atomically counts one attempt against the current record of `email`, provided its `codeDigest` is
   * still the given one; the record keeps its expiry. Returns `failedAttempts` after the increment, or null
   * when there is no such record (gone, or superseded by a newer code).
   */
  countAttempt(email: string, codeDigest: string): Promise<number | null>;
  /** Forgets the record (voided or consumed). */
  remove(email: string): Promise<void>;
}
