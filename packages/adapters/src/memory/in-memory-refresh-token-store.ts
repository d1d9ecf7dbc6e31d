import type { Clock } from '@sooscode/domain';
import type { RefreshTokenStore } from '@sooscode/domain';
import type { SessionFamily } from '@sooscode/domain';
import { ExpiringMap } from './expiring-map';

/**
 * Session families in process memory. A family and its token digests are forgotten `tokenTtlS`
 * after the family's absolute expiry (the port's retention rule).
 */
export class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private readonly families: ExpiringMap<SessionFamily>;
  private readonly digests: ExpiringMap<{ familyId: string; seq: number }>;

  constructor(private readonly clock: Clock) {
    this.families = new ExpiringMap(clock);
    this.digests = new ExpiringMap(clock);
  }

  async create(family: SessionFamily, digest: string, tokenTtlS: number): Promise<void> {
    const retainMs = this.retentionMs(family, tokenTtlS);
    this.families.set(family.id, family, retainMs);
    this.digests.set(digest, { familyId: family.id, seq: family.seq }, retainMs);
  }

  async findByDigest(digest: string): Promise<{ family: SessionFamily; seq: number } | null> {
    const entry = this.digests.get(digest);
    if (!entry) return null;
    const family = this.families.get(entry.familyId);
    return family ? { family, seq: entry.seq } : null;
  }

  async get(familyId: string): Promise<SessionFamily | null> {
    return this.families.get(familyId) ?? null;
  }

  async rotate(familyId: string, fromSeq: number, nextDigest: string, now: Date, tokenTtlS: number): Promise<SessionFamily | null> {
    const family = this.families.get(familyId);
    if (!family || family.revoked || family.seq !== fromSeq || now.getTime() >= family.absoluteExpiresAt.getTime()) return null;
    const next: SessionFamily = { ...family, seq: fromSeq + 1, currentIssuedAt: now, previousSupersededAt: now };
    const retainMs = this.retentionMs(next, tokenTtlS);
    this.families.set(familyId, next, retainMs);
    this.digests.set(nextDigest, { familyId, seq: next.seq }, retainMs);
    return next;
  }

  async revoke(familyId: string): Promise<boolean> {
    const family = this.families.get(familyId);
    if (!family) return false;
    this.families.set(familyId, { ...family, revoked: true }, Math.max(1, this.families.remainingMs(familyId)));
    return true;
  }

  async revokeAllForUser(userId: number, exceptFamilyId?: string): Promise<string[]> {
    const now = this.clock.now().getTime();
    const revoked: string[] = [];
    for (const [id, family] of [...this.families.values()]) {
      if (family.userId !== userId || family.revoked || id === exceptFamilyId || family.absoluteExpiresAt.getTime() <= now) continue;
      this.families.set(id, { ...family, revoked: true }, Math.max(1, this.families.remainingMs(id)));
      revoked.push(id);
    }
    return revoked;
  }

  private retentionMs(family: SessionFamily, tokenTtlS: number): number {
    return Math.max(1, family.absoluteExpiresAt.getTime() + tokenTtlS * 1000 - this.clock.now().getTime());
  }
}
