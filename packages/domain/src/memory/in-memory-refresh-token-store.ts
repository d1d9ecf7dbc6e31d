import type { Clock } from '../shared/clock';
import type { RefreshTokenStore } from '../identity/ports/refresh-token-store';
import type { SessionFamily } from '../identity/session-family';
import { ExpiringMap } from './expiring-map';

/** Session families in process memory; families are forgotten at their absolute expiry. */
export class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private readonly families: ExpiringMap<SessionFamily>;
  private readonly digests: ExpiringMap<{ familyId: string; seq: number }>;

  constructor(private readonly clock: Clock) {
    this.families = new ExpiringMap(clock);
    this.digests = new ExpiringMap(clock);
  }

  async create(family: SessionFamily, digest: string, tokenTtlS: number): Promise<void> {
    this.families.set(family.id, family, this.familyTtlMs(family));
    this.digests.set(digest, { familyId: family.id, seq: family.seq }, tokenTtlS * 1000);
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
    if (!family || family.revoked || family.seq !== fromSeq) return null;
    const next: SessionFamily = { ...family, seq: fromSeq + 1, currentIssuedAt: now, previousSupersededAt: now };
    this.families.set(familyId, next, this.familyTtlMs(next));
    this.digests.set(nextDigest, { familyId, seq: next.seq }, tokenTtlS * 1000);
    return next;
  }

  async revoke(familyId: string): Promise<boolean> {
    const family = this.families.get(familyId);
    if (!family) return false;
    this.families.set(familyId, { ...family, revoked: true }, this.familyTtlMs(family));
    return true;
  }

  async revokeAllForUser(userId: number, exceptFamilyId?: string): Promise<string[]> {
    const revoked: string[] = [];
    for (const [id, family] of [...this.families.values()]) {
      if (family.userId !== userId || family.revoked || id === exceptFamilyId) continue;
      this.families.set(id, { ...family, revoked: true }, this.familyTtlMs(family));
      revoked.push(id);
    }
    return revoked;
  }

  private familyTtlMs(family: SessionFamily): number {
    return Math.max(1, family.absoluteExpiresAt.getTime() - this.clock.now().getTime());
  }
}
