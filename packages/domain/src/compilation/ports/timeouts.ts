/** Delayed calls (the domain has no timers of its own). */
export interface Timeouts {
  /**
   * Calls `fn` once, `ms` milliseconds from now (at once, asynchronously, when `ms` ≤ 0).
   * Returns a function that cancels the call if it has not happened yet.
   */
  after(ms: number, fn: () => void): () => void;
}
