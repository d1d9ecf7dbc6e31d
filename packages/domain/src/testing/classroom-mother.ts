import type { NewClassRoom } from '../classroom/class-room';
import { addDays } from '../classroom/local-values';
import type { NewSnapshot } from '../collaboration/snapshots/snapshot';
import { localDateOf } from '../shared/wall-clock';

let counter = 0;

/** Builders of test classes (`ClassroomMother.runningNow(instructorId)`). */
export const ClassroomMother = {
  /** An active class from 2025-12-01 to 2026-02-28, 09:00–18:00, mode FREE, with a unique title. */
  build(instructorId: number, overrides: Partial<NewClassRoom> = {}): NewClassRoom {
    const n = ++counter;
    const now = new Date('2025-11-20T00:00:00.000Z');
    return {
      title: `자바 기초 ${n}`,
      description: `설명 ${n}`,
      instructorId,
      online: true,
      active: true,
      mode: 'FREE',
      startDate: '2025-12-01',
      endDate: '2026-02-28',
      startTime: '09:00:00',
      endTime: '18:00:00',
      thumbnailUrl: null,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    };
  },
  /** A class open at `now`: a course from a week before to a week after, all day (00:00:00–23:59:59). */
  runningNow(instructorId: number, now: Date = new Date(), timeZone = 'Asia/Seoul', overrides: Partial<NewClassRoom> = {}): NewClassRoom {
    const today = localDateOf(now, timeZone);
    return ClassroomMother.build(instructorId, {
      startDate: addDays(today, -7),
      endDate: addDays(today, 7),
      startTime: '00:00:00',
      endTime: '23:59:59',
      ...overrides,
    });
  },
};

/** Builders of test snapshots. */
export const SnapshotMother = {
  build(userId: number, classId: number, overrides: Partial<NewSnapshot> = {}): NewSnapshot {
    const n = ++counter;
    const at = new Date('2025-12-18T01:00:00.000Z');
    return { userId, classId, title: `스냅샷 ${n}`, content: `System.out.println(${n});`, language: 'JAVA', createdAt: at, updatedAt: at, ...overrides };
  },
};
