import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RefreshTokenStore } from '../../identity/ports/refresh-token-store';
import type { SessionFamily } from '../../identity/session-family';
import type { ContractHarness, HarnessFactory } from './harness';

let n = 0;
function family(now: Date, userId = 1, absoluteS = 3600): SessionFamily {
  return {
    id: `fam-${Date.now()}-${++n}`,
    userId,
    seq: 1,
    createdAt: now,
    absoluteExpiresAt: new Date(now.getTime() + absoluteS * 1000),
    currentIssuedAt: now,
    previousSupersededAt: null,
    revoked: false,
  };
}

/** The behaviour every `RefreshTokenStore` must have. */
export function refreshTokenStoreContract(name: string, factory: HarnessFactory<RefreshTokenStore>): void {
  describe(`RefreshTokenStore contract: ${name}`, () => {
    let h: ContractHarness<RefreshTokenStore>;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.teardown();
    });

    it('finds a new family by its first token digest', async () => {
      const f = family(h.now());
      await h.subject.create(f, `d1-${f.id}`, 600);
      const found = await h.subject.findByDigest(`d1-${f.id}`);
      expect(found?.seq).toBe(1);
      expect(found?.family).toEqual(f);
      expect(await h.subject.get(f.id)).toEqual(f);
      expect(await h.subject.findByDigest('unknown')).toBeNull();
      expect(await h.subject.get('unknown')).toBeNull();
    });

    it('rotates only from the current sequence number', async () => {
      const f = family(h.now());
      await h.subject.create(f, `a-${f.id}`, 600);
      const at = new Date(h.now().getTime() + 1000);
      const rotated = await h.subject.rotate(f.id, 1, `b-${f.id}`, at, 600);
      expect(rotated).toMatchObject({ id: f.id, seq: 2, revoked: false });
      expect(rotated?.currentIssuedAt.getTime()).toBe(at.getTime());
      expect(rotated?.previousSupersededAt?.getTime()).toBe(at.getTime());
      expect(await h.subject.rotate(f.id, 1, `c-${f.id}`, at, 600)).toBeNull();
      expect((await h.subject.findByDigest(`a-${f.id}`))?.seq).toBe(1);
      expect((await h.subject.findByDigest(`b-${f.id}`))?.seq).toBe(2);
      expect((await h.subject.findByDigest(`b-${f.id}`))?.family.seq).toBe(2);
      expect(await h.subject.findByDigest(`c-${f.id}`)).toBeNull();
    });

    it('lets exactly one of two concurrent rotations win', async () => {
      const f = family(h.now());
      await h.subject.create(f, `x-${f.id}`, 600);
      const results = await Promise.all([
        h.subject.rotate(f.id, 1, `y1-${f.id}`, h.now(), 600),
        h.subject.rotate(f.id, 1, `y2-${f.id}`, h.now(), 600),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('revokes a family; revoked families do not rotate', async () => {
      const f = family(h.now());
      await h.subject.create(f, `r-${f.id}`, 600);
      expect(await h.subject.revoke(f.id)).toBe(true);
      expect((await h.subject.get(f.id))?.revoked).toBe(true);
      expect(await h.subject.rotate(f.id, 1, `r2-${f.id}`, h.now(), 600)).toBeNull();
      expect(await h.subject.revoke('unknown')).toBe(false);
    });

    it('revokes every family of a user except one', async () => {
      const a = family(h.now(), 77);
      const b = family(h.now(), 77);
      const c = family(h.now(), 77);
      const other = family(h.now(), 78);
      for (const f of [a, b, c, other]) await h.subject.create(f, `u-${f.id}`, 600);
      const revoked = await h.subject.revokeAllForUser(77, b.id);
      expect(revoked.sort()).toEqual([a.id, c.id].sort());
      expect((await h.subject.get(b.id))?.revoked).toBe(false);
      expect((await h.subject.get(other.id))?.revoked).toBe(false);
      expect(await h.subject.revokeAllForUser(77, b.id)).toEqual([]);
      expect(await h.subject.revokeAllForUser(77)).toEqual([b.id]);
    });

    it('forgets token digests after their idle lifetime', async () => {
      const f = family(h.now());
      await h.subject.create(f, `t-${f.id}`, 1);
      await h.advance(1500);
      expect(await h.subject.findByDigest(`t-${f.id}`)).toBeNull();
    });
  });
}
