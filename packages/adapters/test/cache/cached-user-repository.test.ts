import { describe, expect, it } from 'vitest';
import { FixedClock, UserMother, userRepositoryContract } from '@sooscode/domain/testing';
import { InMemoryUserRepository } from '@sooscode/adapters/memory';
import { CachedUserRepository } from '@sooscode/adapters/cache';

userRepositoryContract('cached in-memory', async () => {
  const clock = new FixedClock();
  return { subject: new CachedUserRepository(new InMemoryUserRepository(), clock, 30_000), now: () => clock.now(), advance: async (ms) => clock.advance(ms), teardown: async () => undefined };
});

describe('CachedUserRepository', () => {
  it('serves findById from the cache until a write, then reports the write', async () => {
    const inner = new InMemoryUserRepository();
    const writes: number[] = [];
    const cache = new CachedUserRepository(inner, new FixedClock(), 30_000, 100, (id) => writes.push(id));
    const u = await cache.create(UserMother.student());
    expect((await cache.findById(u.id))?.role).toBe('STUDENT');
    await inner.update({ ...u, role: 'INSTRUCTOR' });
    expect((await cache.findById(u.id))?.role).toBe('STUDENT');
    await cache.update({ ...u, role: 'INSTRUCTOR' });
    expect((await cache.findById(u.id))?.role).toBe('INSTRUCTOR');
    expect(writes).toEqual([u.id]);
  });

  it('drops an entry on invalidate (another node wrote) and after the ttl', async () => {
    const inner = new InMemoryUserRepository();
    const clock = new FixedClock();
    const cache = new CachedUserRepository(inner, clock, 1000);
    const u = await inner.create(UserMother.student());
    await cache.findById(u.id);
    await inner.update({ ...u, status: 'INACTIVE' });
    cache.invalidate(u.id);
    expect((await cache.findById(u.id))?.status).toBe('INACTIVE');
    await inner.update({ ...u, name: '다른이름' });
    clock.advance(1001);
    expect((await cache.findById(u.id))?.name).toBe('다른이름');
  });

  it('does not cache a read that raced with an invalidation', async () => {
    const inner = new InMemoryUserRepository();
    const u = await inner.create(UserMother.student());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = { ...inner, findById: async (id: number) => { const v = await inner.findById(id); await gate; return v; } } as unknown as InMemoryUserRepository;
    const cache = new CachedUserRepository(slow, new FixedClock(), 30_000);
    const pending = cache.findById(u.id);
    await inner.update({ ...u, role: 'INSTRUCTOR' });
    cache.invalidate(u.id);
    release();
    expect((await pending)?.role).toBe('STUDENT');
    const fresh = new CachedUserRepository(inner, new FixedClock(), 30_000);
    expect((await fresh.findById(u.id))?.role).toBe('INSTRUCTOR');
    // the raced read was not cached: the next read goes to the store again
    const again = await cache.findById(u.id);
    expect(again?.role).toBe('INSTRUCTOR');
  });
});
