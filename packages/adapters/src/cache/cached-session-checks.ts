import type { AccessTokenDenylist } from '@sooscode/domain';
import type { RefreshTokenStore } from '@sooscode/domain';
import type { SessionFamily } from '@sooscode/domain';
import type { KeyedReadCache } from './keyed-read-cache';

/** What changed in session state: families (revoked, rotated, created) or a denied access-token id. */
export type SessionChange = { readonly kind: 'families'; readonly familyIds: readonly string[] } | { readonly kind: 'jti'; readonly jti: string };

/**
 * The session store every writer uses: each write reports which families changed, so the caches of
 * the per-request checks (on this node and, relayed, on every node) drop them at once.
 */
export class NotifyingRefreshTokenStore implements RefreshTokenStore {
  constructor(
    private readonly inner: RefreshTokenStore,
    private readonly changed: (change: SessionChange) => void,
  ) {}

  async create(family: SessionFamily, digest: string, tokenTtlS: number): Promise<void> {
    await this.inner.create(family, digest, tokenTtlS);
    this.changed({ kind: 'families', familyIds: [family.id] });
  }

  findByDigest(digest: string) {
    return this.inner.findByDigest(digest);
  }

  get(familyId: string) {
    return this.inner.get(familyId);
  }

  async rotate(familyId: string, fromSeq: number, nextDigest: string, now: Date, tokenTtlS: number) {
    const rotated = await this.inner.rotate(familyId, fromSeq, nextDigest, now, tokenTtlS);
    if (rotated) this.changed({ kind: 'families', familyIds: [familyId] });
    return rotated;
  }

  async revoke(familyId: string): Promise<boolean> {
    try {
      return await this.inner.revoke(familyId);
    } finally {
      this.changed({ kind: 'families', familyIds: [familyId] });
    }
  }

  async revokeAllForUser(userId: number, exceptFamilyId?: string): Promise<string[]> {
    const revoked = await this.inner.revokeAllForUser(userId, exceptFamilyId);
    if (revoked.length) this.changed({ kind: 'families', familyIds: revoked });
    return revoked;
  }
}

/** The denylist every writer uses: each denial is reported like a family change. */
export class NotifyingAccessTokenDenylist implements AccessTokenDenylist {
  constructor(
    private readonly inner: AccessTokenDenylist,
    private readonly changed: (change: SessionChange) => void,
  ) {}

  async deny(jti: string, until: Date): Promise<void> {
    try {
      await this.inner.deny(jti, until);
    } finally {
      this.changed({ kind: 'jti', jti });
    }
  }

  isDenied(jti: string): Promise<boolean> {
    return this.inner.isDenied(jti);
  }
}

/**
 * The reads of the per-request authentication (family liveness, denied ids), cached until a change is
 * reported (`invalidate`) or `ttlMs` passes. Only authentication reads through this; refresh rotation,
 * logout and revocation always use the store itself.
 */
export class CachedSessionChecks {
  constructor(
    private readonly families: RefreshTokenStore,
    private readonly denylist: AccessTokenDenylist,
    private readonly familyCache: KeyedReadCache<SessionFamily | null>,
    private readonly deniedCache: KeyedReadCache<boolean>,
  ) {}

  /** A `RefreshTokenStore` view whose `get` is cached (the other methods are the store's own). */
  get familyReader(): RefreshTokenStore {
    const { families, familyCache } = this;
    return {
      create: (f, d, t) => families.create(f, d, t),
      findByDigest: (d) => families.findByDigest(d),
      get: (id) => familyCache.get(id, () => families.get(id)),
      rotate: (id, s, d, n, t) => families.rotate(id, s, d, n, t),
      revoke: (id) => families.revoke(id),
      revokeAllForUser: (u, e) => families.revokeAllForUser(u, e),
    };
  }

  /** An `AccessTokenDenylist` view whose `isDenied` is cached. */
  get denylistReader(): AccessTokenDenylist {
    const { denylist, deniedCache } = this;
    return { deny: (jti, until) => denylist.deny(jti, until), isDenied: (jti) => deniedCache.get(jti, () => denylist.isDenied(jti)) };
  }

  /** Applies a reported change on this node. */
  invalidate(change: SessionChange): void {
    if (change.kind === 'jti') this.deniedCache.invalidate(change.jti);
    else for (const id of change.familyIds) this.familyCache.invalidate(id);
  }
}
