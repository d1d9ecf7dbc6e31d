/** Why a user may not start a job now. */
export type AdmissionRefusal =
  /** The user's cooldown is running (429 `COMPILE_010`); `retryAfterMs` until it ends (> 0). */
  | { readonly reason: 'cooldown'; readonly retryAfterMs: number }
  /** The user already has a job in flight (409 `COMPILE_009`). */
  | { readonly reason: 'in-flight' };

/**
 * The per-user cooldown and in-flight slot of compile.md §2.1 steps 10–12, keyed by user id and
 * shared by every API instance.
 */
export interface CompileAdmission {
  /**
   * In one atomic step: refuses with `cooldown` while the user's cooldown runs, else with
   * `in-flight` while the user's slot is taken; otherwise starts the cooldown (`cooldownMs`; 0 =
   * none) and takes the slot for `jobId` (held at most `slotTtlMs`, a safety net for a node
   * that dies while holding it). Returns `null` when admitted.
   */
  admit(userId: number, jobId: string, cooldownMs: number, slotTtlMs: number): Promise<AdmissionRefusal | null>;
  /** Frees the user's slot if `jobId` still holds it (job finished or timed out). Idempotent. */
  release(userId: number, jobId: string): Promise<void>;
  /** Ends the cooldown if `jobId` started it (its dispatch failed, so it cost nothing). Idempotent. */
  cancelCooldown(userId: number, jobId: string): Promise<void>;
}
