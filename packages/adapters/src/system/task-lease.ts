/**
 * Leases that let one node at a time run a named background task (chat retention). `tryAcquire`
 * resolves true when this caller now holds `name` for `ttlMs` milliseconds, false when another
 * holder does. A holder may `release` early (e.g. after a failed run, so another node retries).
 */
export interface TaskLease {
  tryAcquire(name: string, ttlMs: number): Promise<boolean>;
  release(name: string): Promise<void>;
}

/** Leases within one process (the embedded run, where there is one node). */
export class LocalTaskLease implements TaskLease {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  async tryAcquire(name: string, ttlMs: number): Promise<boolean> {
    const held = this.until.get(name);
    if (held !== undefined && held > this.now()) return false;
    this.until.set(name, this.now() + ttlMs);
    return true;
  }

  async release(name: string): Promise<void> {
    this.until.delete(name);
  }
}
