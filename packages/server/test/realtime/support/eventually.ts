import { vi } from 'vitest';

/**
 * `vi.waitFor` with room for a loaded, shared machine: retries `check` every 20 ms until it stops
 * throwing, for up to `timeoutMs` (default 5 s), then fails with its last error.
 */
export function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  return vi.waitFor(check, { timeout: timeoutMs, interval: 20 });
}
