/** Lifetimes and limits of the identity context (http.md §1.7, §1.9, §2), all in seconds or counts. */
export interface IdentityPolicy {
  /** Idle lifetime of a refresh token (REFRESH_TTL_S, default 604800). */
  readonly refreshTtlS: number;
  /** Absolute lifetime of a session family (REFRESH_ABSOLUTE_TTL_S, default 2592000). */
  readonly refreshAbsoluteTtlS: number;
  /** Window in which the predecessor of the current refresh token still works (REFRESH_REUSE_GRACE_S, 30). */
  readonly refreshReuseGraceS: number;
  /** Renew the access cookie when it expires within this many seconds (ACCESS_RENEW_BEFORE_S, 600). */
  readonly accessRenewBeforeS: number;
  readonly loginMaxFailuresPerAccount: number;
  readonly loginMaxFailuresPerIp: number;
  /** Failure window and lock duration (LOGIN_LOCK_WINDOW_S, 900). */
  readonly loginLockWindowS: number;
  readonly requireEmailVerification: boolean;
  /** How long a verified email stays usable for registration (EMAIL_VERIFIED_VALID_S, 1800). */
  readonly emailVerifiedValidS: number;
  /** Lifetime of a sent code (EMAIL_CODE_TTL_S, 300). */
  readonly emailCodeTtlS: number;
  /** Wrong codes allowed per issued code (EMAIL_CODE_MAX_ATTEMPTS, 5). */
  readonly emailCodeMaxAttempts: number;
}

/** The contract defaults. */
export const DEFAULT_IDENTITY_POLICY: IdentityPolicy = {
  refreshTtlS: 604_800,
  refreshAbsoluteTtlS: 2_592_000,
  refreshReuseGraceS: 30,
  accessRenewBeforeS: 600,
  loginMaxFailuresPerAccount: 10,
  loginMaxFailuresPerIp: 100,
  loginLockWindowS: 900,
  requireEmailVerification: true,
  emailVerifiedValidS: 1800,
  emailCodeTtlS: 300,
  emailCodeMaxAttempts: 5,
};
