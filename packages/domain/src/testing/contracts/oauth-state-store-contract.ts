import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OAuthStateStore } from '../../identity/ports/oauth-state-store';
import type { ContractHarness, HarnessFactory } from './harness';

const login = (n: number) => ({ state: `state-${n}`, codeVerifier: `verifier-${n}-${'v'.repeat(40)}`, nonce: `nonce-${n}` });

/** The behaviour every `OAuthStateStore` must have. */
export function oauthStateStoreContract(name: string, factory: HarnessFactory<OAuthStateStore>): void {
  describe(`OAuthStateStore contract: ${name}`, () => {
    let h: ContractHarness<OAuthStateStore>;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.teardown();
    });

    it('returns a stored entry once, then nothing', async () => {
      await h.subject.put('id-1', login(1), 60);
      expect(await h.subject.take('id-1')).toEqual(login(1));
      expect(await h.subject.take('id-1')).toBeNull();
    });

    it('knows nothing of unknown ids and keeps ids apart', async () => {
      await h.subject.put('id-a', login(1), 60);
      await h.subject.put('id-b', login(2), 60);
      expect(await h.subject.take('id-unknown')).toBeNull();
      expect(await h.subject.take('id-b')).toEqual(login(2));
      expect(await h.subject.take('id-a')).toEqual(login(1));
    });

    it('replaces an entry put again under the same id', async () => {
      await h.subject.put('id-r', login(1), 60);
      await h.subject.put('id-r', login(2), 60);
      expect(await h.subject.take('id-r')).toEqual(login(2));
    });

    it('forgets an entry after its ttl', async () => {
      await h.subject.put('id-x', login(3), 1);
      await h.advance(1500);
      expect(await h.subject.take('id-x')).toBeNull();
    });

    it('gives a concurrently taken entry to exactly one taker', async () => {
      await h.subject.put('id-c', login(4), 60);
      const taken = await Promise.all(Array.from({ length: 10 }, () => h.subject.take('id-c')));
      expect(taken.filter((t) => t !== null)).toEqual([login(4)]);
    });
  });
}
