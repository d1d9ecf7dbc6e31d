import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassRoom, User } from '@sooscode/domain';
import { FixedClock } from '@sooscode/domain/testing';
import { startClassroomFixture, type ClassroomFixture } from './classroom-fixture';

/** Wall-clock time in Asia/Seoul (UTC+9, no DST) as an instant. */
const kst = (local: string) => new Date(`${local}+09:00`);

describe('the entry gate of GET /api/class/{id} on a fixed clock (Asia/Seoul)', () => {
  const clock = new FixedClock(kst('2025-12-01T12:00:00'));
  let f: ClassroomFixture;
  let room: ClassRoom;
  let inactive: ClassRoom;
  let student: User;
  let instructor: User;
  let outsider: User;
  beforeAll(async () => {
    f = await startClassroomFixture({ clock });
    instructor = await f.user('INSTRUCTOR');
    student = await f.user('STUDENT');
    outsider = await f.user('STUDENT');
    room = await f.classRoom(instructor.id, { startDate: '2025-12-10', endDate: '2025-12-12', startTime: '09:00:00', endTime: '18:00:00' });
    inactive = await f.classRoom(instructor.id, { startDate: '2025-12-10', endDate: '2025-12-12', active: false });
    await f.enrol(room.id, student.id);
    await f.enrol(inactive.id, student.id);
  });
  afterAll(async () => {
    await f.stop();
  });

  /** Moves the clock, logs in afresh (tokens are minted on the same clock) and enters. */
  async function enterAt(local: string, who: User | 'admin', classRoom = room): Promise<string> {
    clock.set(kst(local));
    const client = who === 'admin' ? f.admin : await f.login(who);
    if (who === 'admin') await client.login('admin@test.local', 'Admin1234!');
    const r = await client.json('GET', `/api/class/${classRoom.id}`);
    return `${r.status} ${String(r.body.code)}`;
  }

  it('refuses a student before the course starts with 403 CLASS_003', async () => {
    expect(await enterAt('2025-12-09T12:00:00', student)).toBe('403 CLASS_003');
  });

  it('refuses a non-member with CLASS_002 even outside the window (membership first)', async () => {
    expect(await enterAt('2025-12-09T12:00:01', outsider)).toBe('403 CLASS_002');
  });

  it('opens exactly 10 minutes before the start and not a second earlier', async () => {
    expect(await enterAt('2025-12-10T08:49:59', student)).toBe('403 CLASS_003');
    expect(await enterAt('2025-12-10T08:50:00', student)).toBe('200 GLOBAL_000');
  });

  it('lets a student in during the slot, with every detail field filled', async () => {
    clock.set(kst('2025-12-10T12:00:00'));
    const r = await (await f.login(student)).json('GET', `/api/class/${room.id}`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.data as object)).toEqual(['classId', 'title', 'online', 'mode', 'startDate', 'endDate', 'startTime', 'endTime', 'totalParticipantCount', 'instructor']);
    expect(r.body.data).toEqual({
      classId: room.id, title: room.title, online: true, mode: 'FREE', startDate: '2025-12-10', endDate: '2025-12-12',
      startTime: '09:00:00', endTime: '18:00:00', totalParticipantCount: 2, instructor: false,
    });
    expect(await enterAt('2025-12-10T12:00:01', outsider)).toBe('403 CLASS_002');
  });

  it('stays open at endTime and closes right after it with CLASS_004', async () => {
    expect(await enterAt('2025-12-10T18:00:00', student)).toBe('200 GLOBAL_000');
    expect(await enterAt('2025-12-10T18:00:01', student)).toBe('403 CLASS_004');
  });

  it('lets the instructor and an admin in at any hour, the instructor flagged', async () => {
    clock.set(kst('2025-12-11T03:00:00'));
    const r = await (await f.login(instructor)).json('GET', `/api/class/${room.id}`);
    expect(r.status).toBe(200);
    expect((r.body.data as { instructor: boolean }).instructor).toBe(true);
    expect(await enterAt('2025-12-11T03:00:01', 'admin')).toBe('200 GLOBAL_000');
  });

  it('refuses a student between two course days with CLASS_003 (the new day has not started)', async () => {
    expect(await enterAt('2025-12-11T03:00:02', student)).toBe('403 CLASS_003');
  });

  it('refuses a student after the last day’s slot and after the course with CLASS_004', async () => {
    expect(await enterAt('2025-12-12T23:00:00', student)).toBe('403 CLASS_004');
    expect(await enterAt('2025-12-13T09:30:00', student)).toBe('403 CLASS_004');
    expect(await enterAt('2025-12-13T09:30:01', instructor)).toBe('200 GLOBAL_000');
  });

  it('answers 402 CLASS_008 for an inactive class, to everyone who could otherwise enter', async () => {
    expect(await enterAt('2025-12-13T10:00:00', student, inactive)).toBe('402 CLASS_008');
    expect(await enterAt('2025-12-13T10:00:01', instructor, inactive)).toBe('402 CLASS_008');
    expect(await enterAt('2025-12-13T10:00:02', 'admin', inactive)).toBe('402 CLASS_008');
    expect(await enterAt('2025-12-13T10:00:03', outsider, inactive)).toBe('402 CLASS_008');
  });

  it('answers an unknown class with 404 CLASS_001 and a bad id with 400 GLOBAL_411', async () => {
    clock.set(kst('2025-12-13T11:00:00'));
    const s = await f.login(student);
    expect((await s.json('GET', '/api/class/999999')).body.code).toBe('CLASS_001');
    for (const bad of ['0', '-1', 'abc', '1.5', '9007199254740992', '99999999999999999999']) {
      const r = await s.json('GET', `/api/classroom/${bad}`);
      expect([r.status, r.body.code]).toEqual([400, 'GLOBAL_411']);
    }
  });
});
