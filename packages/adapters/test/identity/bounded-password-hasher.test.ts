import { describe, expect, it } from 'vitest';
import type { PasswordHasher } from '@sooscode/domain';
import { BoundedPasswordHasher } from '../../src/auth/bounded-password-hasher';

/** A hasher whose hashes finish only when the test releases them. */
class GatedHasher implements PasswordHasher {
  active = 0;
  peak = 0;
  readonly gates: (() => void)[] = [];
  async hash(password: string): Promise<string> {
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.active--;
    return `h(${password})`;
  }
  verify(): Promise<{ valid: boolean; needsRehash: boolean }> {
    return Promise.resolve({ valid: true, needsRehash: false });
  }
}

describe('BoundedPasswordHasher', () => {
  it('runs at most `limit` hashes at once, in order, and all of them finish', async () => {
    const inner = new GatedHasher();
    const bounded = new BoundedPasswordHasher(inner, 2);
    const results = Promise.all(['a', 'b', 'c', 'd', 'e'].map((p) => bounded.hash(p)));
    for (let released = 0; released < 5; released++) {
      await new Promise((r) => setImmediate(r));
      expect(inner.active).toBeLessThanOrEqual(2);
      inner.gates.shift()?.();
    }
    await new Promise((r) => setImmediate(r));
    while (inner.gates.length) inner.gates.shift()?.();
    expect(await results).toEqual(['h(a)', 'h(b)', 'h(c)', 'h(d)', 'h(e)']);
    expect(inner.peak).toBe(2);
  });

  it('does not limit verifications, and refuses a limit below one', async () => {
    const bounded = new BoundedPasswordHasher(new GatedHasher(), 1);
    await expect(bounded.verify('x', 'y')).resolves.toEqual({ valid: true, needsRehash: false });
    expect(() => new BoundedPasswordHasher(new GatedHasher(), 0)).toThrow(RangeError);
  });
});
