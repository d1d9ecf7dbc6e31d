import { expect } from 'vitest';
import type { RefreshTokenStore } from '../../identity/ports/refresh-token-store';
import type { SessionFamily } from '../../identity/session-family';
import { contractSuite, type ContractOptions, type HarnessFactory } from './harness';

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
export function refreshTokenStoreContract(name: string, factory: HarnessFactory<RefreshTokenStore>, options: ContractOptions = {}): void {
  contractSuite(`RefreshTokenStore contract: ${name}`, factory, options, (it) => {
    it('finds a new family by its first token digest', async (h) => {
      const f = family(h.now());
      await h.subject.create(f, `d1-${f.id}`, 600);
      const found = await h.subject.findByDigest(`d1-${f.id}`);
      expect(found?.seq).toBe(1);
      expect(found?.family).toEqual(f);
      expect(await h.subject.get(f.id)).toEqual(f);
      expect(await h.subject.findByDigest('unknown')).toBeNull();
      expect(await h.subject.get('unknown')).toBeNull();
    });

    it('rotates only from the current sequence number', async (h) => {
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

    it('lets exactly one of two concurrent rotations win', async (h) => {
      const f = family(h.now());
      await h.subject.create(f, `x-${f.id}`, 600);
      const results = await Promise.all([
        h.subject.rotate(f.id, 1, `y1-${f.id}`, h.now(), 600),
        h.subject.rotate(f.id, 1, `y2-${f.id}`, h.now(), 600),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('revokes a family; revoked families do not rotate', async (h) => {
      const f = family(h.now());
      await h.subject.create(f, `r-${f.id}`, 600);
      expect(await h.subject.revoke(f.id)).toBe(true);
      expect((await h.subject.get(f.id))?.revoked).toBe(true);
      expect(await h.subject.rotate(f.id, 1, `r2-${f.id}`, h.now(), 600)).toBeNull();
      expect(await h.subject.revoke('unknown')).toBe(false);
    });

    it('revokes every family of a user except one', async (h) => {
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

    it('keeps the exact family through a round trip, with and without a previous token', async (h) => {
      const f = { ...family(new Date(Math.floor(h.now().getTime() / 1000) * 1000 + 123)), seq: 4, previousSupersededAt: new Date(h.now().getTime() - 5000) };
      await h.subject.create(f, `rt-${f.id}`, 600);
      expect(await h.subject.get(f.id)).toEqual(f);
      expect(await h.subject.findByDigest(`rt-${f.id}`)).toEqual({ family: f, seq: 4 });
    });

    it('reports a revoked family through its digests, so the caller can tell revoked from unknown', async (h) => {
      const f = family(h.now());
      await h.subject.create(f, `rv-${f.id}`, 600);
      await h.subject.rotate(f.id, 1, `rv2-${f.id}`, h.now(), 600);
      await h.subject.revoke(f.id);
      expect(await h.subject.findByDigest(`rv-${f.id}`)).toMatchObject({ seq: 1, family: { id: f.id, seq: 2, revoked: true } });
      expect(await h.subject.findByDigest(`rv2-${f.id}`)).toMatchObject({ seq: 2, family: { revoked: true } });
      expect(await h.subject.revokeAllForUser(f.userId)).toEqual([]);
    });

    it('lets concurrent rotations of one family produce exactly one successor token', async (h) => {
      const f = family(h.now());
      await h.subject.create(f, `cr-${f.id}`, 600);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => h.subject.rotate(f.id, 1, `cr${i}-${f.id}`, h.now(), 600)),
      );
      const winner = results.findIndex((r) => r !== null);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      for (let i = 0; i < 8; i++) {
        const found = await h.subject.findByDigest(`cr${i}-${f.id}`);
        if (i === winner) expect(found?.seq).toBe(2);
        else expect(found).toBeNull();
      }
      expect((await h.subject.get(f.id))?.seq).toBe(2);
    });

    it('keeps tokens past their idle lifetime, and a family until its absolute expiry plus that lifetime', async (h) => {
      const short = family(h.now(), 91, 1);
      const long = family(h.now(), 91, 3600);
      await h.subject.create(short, `s-${short.id}`, 1);
      await h.subject.create(long, `l-${long.id}`, 1);
      await h.advance(1200);
      // Both are past the idle lifetime, `short` also past its absolute expiry: still recognised (→ AUTH_403).
      expect((await h.subject.findByDigest(`l-${long.id}`))?.family.id).toBe(long.id);
      expect((await h.subject.findByDigest(`s-${short.id}`))?.family.id).toBe(short.id);
      // An absolutely expired family neither rotates nor counts as live.
      expect(await h.subject.rotate(short.id, 1, `s2-${short.id}`, h.now(), 1)).toBeNull();
      expect(await h.subject.revokeAllForUser(91, long.id)).toEqual([]);
      await h.advance(1300);
      expect(await h.subject.findByDigest(`s-${short.id}`)).toBeNull();
      expect(await h.subject.get(short.id)).toBeNull();
      expect((await h.subject.findByDigest(`l-${long.id}`))?.seq).toBe(1);
    });
  });
}
