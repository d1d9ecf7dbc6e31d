import type { Language } from './language';

/**
 * The rules of `POST /api/compile/run` (compile.md §2, §6), read once from the configuration.
 * Times are in the unit their name says; every limit is inclusive.
 */
export interface CompilePolicy {
  /** `COMPILE_LANGUAGES`: the enabled languages (default only `java`). */
  readonly languages: readonly Language[];
  /** `COMPILE_MAX_CHARS`: longest decoded source, UTF-16 code units (default 1000). */
  readonly maxChars: number;
  /** `COMPILE_MAX_LINES`: most source lines (default 80). */
  readonly maxLines: number;
  /**
   * `COMPILE_BLACKLIST_JAVA`/`_PYTHON`/`_JAVASCRIPT`: regular-expression sources per language,
   * searched case-sensitively anywhere in the decoded source (compile.md §2.2).
   */
  readonly blacklists: Readonly<Record<Language, readonly string[]>>;
  /** `COMPILE_COOLDOWN_S`: minimum time between two dispatches of one user (default 3; 0 = none). */
  readonly cooldownS: number;
  /** `COMPILE_DEADLINE_MS`: time from request arrival to 504 `COMPILE_005` (default 4500). */
  readonly deadlineMs: number;
  /** `COMPILE_DISPATCH_TIMEOUT_MS`: longest wait for the backend to accept a job (default 1500). */
  readonly dispatchTimeoutMs: number;
  /** `COMPILE_MAX_OUTPUT_CHARS`: output cap, UTF-16 code units (default 20 000). */
  readonly maxOutputChars: number;
  /** `COMPILE_JOB_RETENTION_S`: how long job records are kept (default 600). */
  readonly jobRetentionS: number;
  /** `COMPILE_MAX_PENDING`: jobs one node may wait for at once (default 1000; beyond: 503 `COMPILE_004`). */
  readonly maxPending: number;
}
