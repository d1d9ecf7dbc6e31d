import { describe, expect, it } from 'vitest';
import { EnterClassroom, entryWindowState } from '@sooscode/domain';
import { liveWorld } from './live-world';

const kst = (local: string) => new Date(`${local}+09:00`);
const course = { startDate: '2025-12-10', endDate: '2025-12-12', startTime: '09:00:00', endTime: '18:00:00' };

describe('entryWindowState (the daily entry window)', () => {
  it.each([
    ['2025-12-09T23:59:59', 'NOT_STARTED'],
    ['2025-12-10T08:49:59.999', 'NOT_STARTED'],
    ['2025-12-10T08:50:00', 'OPEN'],
    ['2025-12-10T12:00:00', 'OPEN'],
    ['2025-12-10T18:00:00', 'OPEN'],
    ['2025-12-10T18:00:00.001', 'ENDED'],
    ['2025-12-10T23:59:59', 'ENDED'],
    ['2025-12-11T00:00:00', 'NOT_STARTED'],
    ['2025-12-12T17:59:59', 'OPEN'],
    ['2025-12-12T18:00:01', 'ENDED'],
    ['2025-12-13T09:00:00', 'ENDED'],
    ['2026-06-01T09:00:00', 'ENDED'],
    ['2025-01-01T09:00:00', 'NOT_STARTED'],
  ])('at %s KST is %s', (local, state) => {
    expect(entryWindowState(course, kst(local), 'Asia/Seoul')).toBe(state);
  });

  it('opens on the previous calendar day when the start is before 00:10', () => {
    const early = { ...course, startTime: '00:05:00', endTime: '01:00:00' };
    expect(entryWindowState(early, kst('2025-12-09T23:54:59'), 'Asia/Seoul')).toBe('NOT_STARTED');
    expect(entryWindowState(early, kst('2025-12-09T23:55:00'), 'Asia/Seoul')).toBe('OPEN');
    expect(entryWindowState(early, kst('2025-12-10T00:30:00'), 'Asia/Seoul')).toBe('OPEN');
    expect(entryWindowState(early, kst('2025-12-10T23:56:00'), 'Asia/Seoul')).toBe('OPEN');
    expect(entryWindowState(early, kst('2025-12-12T23:56:00'), 'Asia/Seoul')).toBe('ENDED');
  });

  it('reads the wall clock of the configured zone', () => {
    const utcNoon = new Date('2025-12-10T12:00:00Z');
    expect(entryWindowState(course, utcNoon, 'UTC')).toBe('OPEN');
    expect(entryWindowState(course, utcNoon, 'Asia/Seoul')).toBe('ENDED');
    expect(entryWindowState(course, new Date('2025-12-10T08:55:00-05:00'), 'America/New_York')).toBe('OPEN');
  });
});

describe('EnterClassroom', () => {
  it('checks class, active, membership, then the window for students only', async () => {
    const w = await liveWorld();
    const enter = new EnterClassroom(w.access, w.enrolments, w.liveModes, w.clock, 'Asia/Seoul');
    const room = await w.classes.create({ ...w.room, ...course, title: 'gate' });
    await w.enrolments.enrol({ classId: room.id, userId: w.student.id, enrolledAt: w.clock.now() });
    w.clock.set(kst('2025-12-11T03:00:00'));
    expect(await enter.execute(999, w.as(w.student))).toEqual({ ok: false, error: { code: 'CLASS_001' } });
    expect(await enter.execute(room.id, w.as(w.other))).toEqual({ ok: false, error: { code: 'CLASS_002' } });
    expect(await enter.execute(room.id, w.as(w.student))).toEqual({ ok: false, error: { code: 'CLASS_003' } });
    const asInstructor = await enter.execute(room.id, w.as(w.instructor));
    expect(asInstructor.ok && asInstructor.value).toMatchObject({ instructor: true, totalParticipantCount: 2, mode: 'FREE' });
    const asAdmin = await enter.execute(room.id, w.as(w.admin));
    expect(asAdmin.ok && asAdmin.value.instructor).toBe(false);
    await w.liveModes.set(room.id, 'VIEW_ONLY');
    w.clock.set(kst('2025-12-11T10:00:00'));
    const open = await enter.execute(room.id, w.as(w.student));
    expect(open.ok && open.value).toMatchObject({ instructor: false, mode: 'READ' });
    await w.classes.update({ ...room, active: false });
    expect(await enter.execute(room.id, w.as(w.instructor))).toEqual({ ok: false, error: { code: 'CLASS_008' } });
    expect(await enter.execute(room.id, w.as(w.other))).toEqual({ ok: false, error: { code: 'CLASS_008' } });
  });
});
