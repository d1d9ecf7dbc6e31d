/** A fixed-window counter per key (login failures, email sends, rate limits). */
export interface AttemptCounter {
  /**
   * Counts one attempt for `key`. The window starts at the first attempt and lasts `windowS` seconds.
   * Returns the count in the current window and the whole seconds until it resets (≥ 1).
   */
  hit(key: string, windowS: number): Promise<{ count: number; resetInS: number }>;
  /** The current count (0 when no window is open) and seconds until reset. */
  peek(key: string): Promise<{ count: number; resetInS: number }>;
  /** Forgets the key. */
  reset(key: string): Promise<void>;
}
