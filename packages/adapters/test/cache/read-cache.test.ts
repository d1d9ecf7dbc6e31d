import { describe, expect, it } from 'vitest';
import { ClassroomMother, FixedClock } from '@sooscode/domain/testing';
import { CachedClassroomRepository, CachedEnrolmentRepository, ReadCache } from '@sooscode/adapters/cache';
import type { ClassroomRepository, EnrolmentRepository } from '@sooscode/domain';

describe('ReadCache', () => {
  it('serves a value until bumped or expired, and never caches a read that raced with a bump', async () => {
    const clock = new FixedClock();
    const cache = new ReadCache(clock, 1000);
    let n = 0;
    const load = async () => ++n;
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    cache.bump();
    expect(await cache.get('k', load)).toBe(2);
    clock.advance(1001);
    expect(await cache.get('k', load)).toBe(3);
    let release!: () => void;
    const slow = cache.get('r', async () => {
      await new Promise<void>((r) => (release = r));
      return 'stale';
    });
    cache.bump();
    release();
    expect(await slow).toBe('stale');
    expect(await cache.get('r', async () => 'fresh')).toBe('fresh');
  });
});

describe('cached classroom repositories', () => {
  it('invalidate reads on writes and report them', async () => {
    const cache = new ReadCache(new FixedClock(), 30_000);
    const room = { ...ClassroomMother.build(1), id: 5 };
    let stored = room;
    let enrolled = false;
    const classes = { findById: async () => stored, update: async (r: typeof room) => void (stored = r) } as unknown as ClassroomRepository;
    const enrolments = { isEnrolled: async () => enrolled, enrol: async () => (enrolled = true) } as unknown as EnrolmentRepository;
    const writes: string[] = [];
    const cachedClasses = new CachedClassroomRepository(classes, cache, () => writes.push('class'));
    const cachedEnrolments = new CachedEnrolmentRepository(enrolments, cache, () => writes.push('enrolment'));
    expect((await cachedClasses.findById(5))?.active).toBe(true);
    expect(await cachedEnrolments.isEnrolled(5, 9)).toBe(false);
    stored = { ...room, active: false };
    expect((await cachedClasses.findById(5))?.active).toBe(true);
    await cachedClasses.update({ ...room, active: false });
    expect((await cachedClasses.findById(5))?.active).toBe(false);
    await cachedEnrolments.enrol({ classId: 5, userId: 9, enrolledAt: new Date() });
    expect(await cachedEnrolments.isEnrolled(5, 9)).toBe(true);
    expect(writes).toEqual(['class', 'enrolment']);
  });
});
