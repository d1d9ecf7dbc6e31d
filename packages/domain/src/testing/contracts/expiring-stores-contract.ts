import { expect } from 'vitest';
import type { AccessTokenDenylist } from '../../identity/ports/access-tokens';
import type { AttemptCounter } from '../../identity/ports/attempt-counter';
import type { EmailVerificationStore } from '../../identity/ports/email-verification-store';
import { contractSuite, type ContractOptions, type HarnessFactory } from './harness';

/** The behaviour every `AccessTokenDenylist` must have. */
export function accessTokenDenylistContract(name: string, factory: HarnessFactory<AccessTokenDenylist>, options: ContractOptions = {}): void {
  contractSuite(`AccessTokenDenylist contract: ${name}`, factory, options, (it) => {
    it('denies each jti until its own instant', async (h) => {
      await h.subject.deny('jti-a', new Date(h.now().getTime() + 400));
      await h.subject.deny('jti-long', new Date(h.now().getTime() + 60_000));
      expect(await h.subject.isDenied('jti-a')).toBe(true);
      expect(await h.subject.isDenied('jti-b')).toBe(false);
      await h.advance(700);
      expect(await h.subject.isDenied('jti-a')).toBe(false);
      expect(await h.subject.isDenied('jti-long')).toBe(true);
    });

    it('ignores an instant already past', async (h) => {
      await h.subject.deny('jti-old', new Date(h.now().getTime() - 1000));
      expect(await h.subject.isDenied('jti-old')).toBe(false);
    });
  });
}

/** The behaviour every `AttemptCounter` must have. */
export function attemptCounterContract(name: string, factory: HarnessFactory<AttemptCounter>, options: ContractOptions = {}): void {
  contractSuite(`AttemptCounter contract: ${name}`, factory, options, (it) => {
    it('counts hits within a window and reports the reset', async (h) => {
      expect(await h.subject.peek('k')).toEqual({ count: 0, resetInS: 0 });
      expect((await h.subject.hit('k', 60)).count).toBe(1);
      const second = await h.subject.hit('k', 60);
      expect(second.count).toBe(2);
      expect(second.resetInS).toBeGreaterThanOrEqual(1);
      expect(second.resetInS).toBeLessThanOrEqual(60);
      expect((await h.subject.peek('k')).count).toBe(2);
      expect((await h.subject.peek('other')).count).toBe(0);
    });

    it('uses fixed windows: later hits do not extend a window, peek opens none, and a count starts over after it', async (h) => {
      expect(await h.subject.peek('f')).toEqual({ count: 0, resetInS: 0 });
      expect((await h.subject.hit('f', 2)).count).toBe(1);
      await h.advance(1000);
      const second = await h.subject.hit('f', 2);
      expect(second).toEqual({ count: 2, resetInS: 1 });
      await h.advance(1200);
      expect((await h.subject.peek('f')).count).toBe(0);
      expect(await h.subject.hit('f', 2)).toEqual({ count: 1, resetInS: 2 });
      await h.subject.reset('f');
      expect((await h.subject.peek('f')).count).toBe(0);
    });

    it('keeps keys apart and resets only the given key', async (h) => {
      await h.subject.hit('a', 60);
      await h.subject.hit('a', 60);
      await h.subject.hit('b', 60);
      await h.subject.reset('a');
      expect((await h.subject.peek('a')).count).toBe(0);
      expect(await h.subject.peek('b')).toEqual({ count: 1, resetInS: 60 });
    });

    it('counts concurrent hits exactly', async (h) => {
      const results = await Promise.all(Array.from({ length: 20 }, () => h.subject.hit('c', 60)));
      expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });
}

/** The behaviour every `EmailVerificationStore` must have. */
export function emailVerificationStoreContract(name: string, factory: HarnessFactory<EmailVerificationStore>, options: ContractOptions = {}): void {
  contractSuite(`EmailVerificationStore contract: ${name}`, factory, options, (it) => {
    it('keeps the newest record per email, round-tripping every field', async (h) => {
      const now = new Date(Math.floor(h.now().getTime() / 1000) * 1000);
      const first = { email: 'a@example.com', codeDigest: 'd1', sentAt: now, expiresAt: new Date(now.getTime() + 300_000), failedAttempts: 0, verifiedAt: null };
      await h.subject.put(first, 60);
      expect(await h.subject.get('a@example.com')).toEqual(first);
      const second = { ...first, codeDigest: 'd2', failedAttempts: 2, verifiedAt: now };
      await h.subject.put(second, 60);
      expect(await h.subject.get('a@example.com')).toEqual(second);
      expect(await h.subject.get('b@example.com')).toBeNull();
      await h.subject.remove('a@example.com');
      expect(await h.subject.get('a@example.com')).toBeNull();
    });

    it('counts attempts atomically against the current code only, keeping the expiry', async (h) => {
      const record = { email: 'c@example.com', codeDigest: 'cd', sentAt: h.now(), expiresAt: h.now(), failedAttempts: 0, verifiedAt: null };
      expect(await h.subject.countAttempt('c@example.com', 'cd')).toBeNull();
      await h.subject.put(record, 1);
      await h.subject.put({ ...record, email: 'long@example.com' }, 60);
      expect(await h.subject.countAttempt('c@example.com', 'other-digest')).toBeNull();
      const counts = await Promise.all(Array.from({ length: 10 }, () => h.subject.countAttempt('c@example.com', 'cd')));
      expect(counts.sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await h.subject.get('c@example.com')).toMatchObject({ codeDigest: 'cd', failedAttempts: 10, verifiedAt: null });
      await h.advance(1500);
      // Forgotten after its ttl, counting did not extend it; a longer-lived record stays.
      expect(await h.subject.get('c@example.com')).toBeNull();
      expect(await h.subject.countAttempt('c@example.com', 'cd')).toBeNull();
      expect(await h.subject.get('long@example.com')).not.toBeNull();
    });
  });
}
