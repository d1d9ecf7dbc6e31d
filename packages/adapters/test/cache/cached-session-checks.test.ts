import { describe, expect, it } from 'vitest';
import { FixedClock } from '@sooscode/domain/testing';
import { InMemoryAccessTokenDenylist, InMemoryRefreshTokenStore } from '@sooscode/adapters/memory';
import { CachedSessionChecks, KeyedReadCache, NotifyingAccessTokenDenylist, NotifyingRefreshTokenStore, type SessionChange } from '@sooscode/adapters/cache';
import type { SessionFamily } from '@sooscode/domain';

function setup() {
  const clock = new FixedClock();
  const changes: SessionChange[] = [];
  const holder: { checks?: CachedSessionChecks } = {};
  const report = (change: SessionChange) => {
    changes.push(change);
    holder.checks?.invalidate(change);
  };
  const families = new NotifyingRefreshTokenStore(new InMemoryRefreshTokenStore(clock), report);
  const denylist = new NotifyingAccessTokenDenylist(new InMemoryAccessTokenDenylist(clock), report);
  const checks = new CachedSessionChecks(families, denylist, new KeyedReadCache<SessionFamily | null>(clock, 10_000), new KeyedReadCache<boolean>(clock, 10_000));
  holder.checks = checks;
  const family: SessionFamily = {
    id: 'fam-1', userId: 7, seq: 1, createdAt: clock.now(), absoluteExpiresAt: new Date(clock.now().getTime() + 3_600_000),
    currentIssuedAt: clock.now(), previousSupersededAt: null, revoked: false,
  };
  return { clock, changes, checks, families, denylist, family };
}

describe('cached session checks', () => {
  it('serve family liveness from the cache until a write reports the family', async () => {
    const { checks, families, family, changes } = setup();
    await families.create(family, 'digest-1', 600);
    expect((await checks.familyReader.get('fam-1'))?.revoked).toBe(false);
    await families.revoke('fam-1');
    expect((await checks.familyReader.get('fam-1'))?.revoked).toBe(true);
    expect(changes).toEqual([{ kind: 'families', familyIds: ['fam-1'] }, { kind: 'families', familyIds: ['fam-1'] }]);
  });

  it('report every family revoked for a user, and denied ids', async () => {
    const { checks, families, denylist, family, clock } = setup();
    await families.create(family, 'd1', 600);
    await families.create({ ...family, id: 'fam-2' }, 'd2', 600);
    await checks.familyReader.get('fam-1');
    await checks.familyReader.get('fam-2');
    expect((await families.revokeAllForUser(7, 'fam-2')).sort()).toEqual(['fam-1']);
    expect((await checks.familyReader.get('fam-1'))?.revoked).toBe(true);
    expect((await checks.familyReader.get('fam-2'))?.revoked).toBe(false);
    expect(await checks.denylistReader.isDenied('jti-1')).toBe(false);
    await denylist.deny('jti-1', new Date(clock.now().getTime() + 60_000));
    expect(await checks.denylistReader.isDenied('jti-1')).toBe(true);
  });

  it('would serve stale data without the report, so the report is what keeps revocation immediate', async () => {
    const clock = new FixedClock();
    const raw = new InMemoryRefreshTokenStore(clock);
    const silent = new CachedSessionChecks(raw, new InMemoryAccessTokenDenylist(clock), new KeyedReadCache<SessionFamily | null>(clock, 10_000), new KeyedReadCache<boolean>(clock, 10_000));
    const { family } = setup();
    await raw.create(family, 'd', 600);
    await silent.familyReader.get('fam-1');
    await raw.revoke('fam-1');
    expect((await silent.familyReader.get('fam-1'))?.revoked).toBe(false);
    clock.advance(10_001);
    expect((await silent.familyReader.get('fam-1'))?.revoked).toBe(true);
  });
});
