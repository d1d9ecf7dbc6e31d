import type { PasswordHasher } from '@sooscode/domain';

/**
 * A `PasswordHasher` that runs at most `limit` hashes at once (verifications are not limited), the
 * others waiting in order. Bulk work can then keep more rows in flight than it hashes at once, so the
 * hashing threads never sit idle while a row waits on the database.
 */
export class BoundedPasswordHasher implements PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly inner: PasswordHasher,
    private readonly limit: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  }

  async hash(password: string): Promise<string> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await this.inner.hash(password);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  verify(password: string, hash: string): Promise<{ valid: boolean; needsRehash: boolean }> {
    return this.inner.verify(password, hash);
  }
}
