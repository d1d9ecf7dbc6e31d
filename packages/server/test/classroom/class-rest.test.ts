import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeDocumentStore, KickBanStore, LiveModeStore, PresenceRegistry, User, VideoPresenceStore } from '@sooscode/domain';
import { TOKENS } from '../../src/tokens';
import { actorWorld, startClassroomFixture, type ActorWorld, type ClassroomFixture } from './classroom-fixture';

describe('class REST: RAW live endpoints, end and kick (http.md §4)', () => {
  let f: ClassroomFixture;
  let w: ActorWorld;
  let other: User;
  let presence: PresenceRegistry;
  let video: VideoPresenceStore;
  let codes: CodeDocumentStore;
  let modes: LiveModeStore;
  let bans: KickBanStore;
  beforeAll(async () => {
    f = await startClassroomFixture();
    w = await actorWorld(f);
    other = await f.user('STUDENT', { name: '박학생' });
    await f.enrol(w.classRoom.id, other.id);
    const c = f.server.container;
    presence = c.get(TOKENS.PresenceRegistry);
    video = c.get(TOKENS.VideoPresenceStore);
    codes = c.get(TOKENS.CodeDocumentStore);
    modes = c.get(TOKENS.LiveModeStore);
    bans = c.get(TOKENS.KickBanStore);
  });
  afterAll(async () => {
    await f.stop();
  });
  const cid = () => w.classRoom.id;

  async function goLive(): Promise<void> {
    await presence.join(cid(), 's-inst', { userId: w.instructor.id, username: '이강사', instructor: true }, new Date('2025-12-18T00:00:01.200Z'));
    await presence.join(cid(), 's-stud', { userId: w.student.id, username: '김학생', instructor: false }, new Date('2025-12-18T00:01:02.500Z'));
    await presence.join(cid(), 's-stud-2', { userId: w.student.id, username: '김학생', instructor: false }, new Date('2025-12-18T00:05:00Z'));
    await presence.join(cid(), 's-other', { userId: other.id, username: '박학생', instructor: false }, new Date('2025-12-18T00:01:02.500Z'));
    await video.setOn(cid(), w.student.id, 'PA_1');
  }

  it('answers participants, students and count RAW from presence, with the video flag', async () => {
    await goLive();
    const p = await w.clients.student.json('GET', `/api/class/${cid()}/participants`);
    expect(p.status).toBe(200);
    expect(p.res.headers.get('content-type')).toContain('application/json');
    const expectedStudent = { userId: w.student.id, username: '김학생', instructor: false, joinedAt: '2025-12-18T09:01:02.5', video: true };
    const otherInfo = { userId: other.id, username: '박학생', instructor: false, joinedAt: '2025-12-18T09:01:02.5', video: false };
    const sameInstant = [expectedStudent, otherInfo].sort((a, b) => a.userId - b.userId);
    expect(JSON.stringify(Object.keys(p.body))).toBe('["classId","participants","totalCount","studentCount"]');
    expect(p.body).toEqual({
      classId: String(cid()),
      participants: [
        { userId: w.instructor.id, username: '이강사', instructor: true, joinedAt: '2025-12-18T09:00:01.2', video: false },
        ...sameInstant,
      ],
      totalCount: 3,
      studentCount: 2,
    });
    expect(Object.keys((p.body.participants as object[])[0]!)).toEqual(['userId', 'username', 'instructor', 'joinedAt', 'video']);
    const students = await w.clients.admin.json('GET', `/api/class/${cid()}/students`);
    expect(Array.isArray(students.body)).toBe(true);
    expect((students.body as unknown as { instructor: boolean }[]).every((s) => !s.instructor)).toBe(true);
    expect((students.body as unknown as unknown[]).length).toBe(2);
    const count = await w.clients.instructor.json('GET', `/api/class/${cid()}/count`);
    expect(count.body).toEqual({ classId: cid(), count: 3 });
  });

  it('answers CodeResponse RAW: empty, then the stored record', async () => {
    await codes.clearClass(cid());
    const empty = await w.clients.student.json('GET', `/api/class/${cid()}/code/instructor`);
    expect(empty.body).toEqual({ userId: null, code: null, language: null, empty: true });
    await codes.put(cid(), { kind: 'instructor' }, { userId: w.instructor.id, code: 'class Main {}', language: 'java', updatedAt: new Date() }, 60);
    await codes.put(cid(), { kind: 'student', userId: w.student.id }, { userId: w.student.id, code: 'print(1)', language: 'python', updatedAt: new Date() }, 60);
    const stored = await w.clients.student.json('GET', `/api/class/${cid()}/code/instructor`);
    expect(JSON.stringify(stored.body)).toBe(JSON.stringify({ userId: w.instructor.id, code: 'class Main {}', language: 'java', empty: false }));
    const own = await w.clients.student.json('GET', `/api/class/${cid()}/code/student/${w.student.id}`);
    expect(own.body).toEqual({ userId: w.student.id, code: 'print(1)', language: 'python', empty: false });
    expect((await w.clients.instructor.json('GET', `/api/class/${cid()}/code/student/${other.id}`)).body).toEqual({ userId: null, code: null, language: null, empty: true });
  });

  it('guards student code: another student CLASS_002, a non-student target PART_001', async () => {
    const otherClient = await f.login(other);
    expect((await otherClient.json('GET', `/api/class/${cid()}/code/student/${w.student.id}`)).body.code).toBe('CLASS_002');
    const notEnrolled = await w.clients.instructor.json('GET', `/api/class/${cid()}/code/student/${w.instructor.id}`);
    expect([notEnrolled.status, notEnrolled.body.code]).toEqual([404, 'PART_001']);
    expect((await w.clients.admin.json('GET', `/api/class/${cid()}/code/student/999999`)).body.code).toBe('PART_001');
    expect((await w.clients.outsider.json('GET', `/api/class/999999/code/student/1`)).body.code).toBe('CLASS_001');
  });

  it('shows the live mode in the detail while one is set, else the stored default', async () => {
    await modes.set(cid(), 'VIEW_ONLY');
    expect(((await w.clients.student.json('GET', `/api/class/${cid()}`)).body.data as { mode: string }).mode).toBe('READ');
    expect(((await w.clients.student.json('GET', `/api/mypage/detail/${cid()}`)).body.data as { mode: string }).mode).toBe('READ');
    await modes.clear(cid());
    expect(((await w.clients.student.json('GET', `/api/class/${cid()}`)).body.data as { mode: string }).mode).toBe('FREE');
  });

  it('kicks: PART_004 for oneself or the instructor, PART_001 for a non-student, GLOBAL_411 for a long reason', async () => {
    const kick = (client = w.clients.instructor, target: number, query = '') => client.json('POST', `/api/class/${cid()}/kick/${target}${query}`);
    expect((await kick(w.clients.instructor, w.instructor.id)).body.code).toBe('PART_004');
    expect((await kick(w.clients.admin, w.instructor.id)).body.code).toBe('PART_004');
    const adminId = (await f.users.findByEmail('admin@test.local'))!.id;
    expect((await kick(w.clients.admin, adminId)).body.code).toBe('PART_004');
    const none = await kick(w.clients.instructor, 999_999);
    expect([none.status, none.body.code]).toEqual([404, 'PART_001']);
    const long = await kick(w.clients.instructor, w.student.id, `?reason=${'가'.repeat(201)}`);
    expect([long.status, long.body.code, long.body.message]).toEqual([400, 'GLOBAL_411', '유효하지 않은 파라미터입니다 - reason: 길이가 올바르지 않습니다']);
    expect(await bans.isBanned(cid(), w.student.id)).toBe(false);
  });

  it('kicks a present student: empty 200, banned, removed from presence, others stay', async () => {
    await goLive();
    const r = await w.clients.instructor.request('POST', `/api/class/${cid()}/kick/${w.student.id}?reason=${encodeURIComponent('가'.repeat(200))}`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('');
    expect(await bans.isBanned(cid(), w.student.id)).toBe(true);
    expect(await presence.sessionsOf(cid(), w.student.id)).toEqual([]);
    expect((await presence.participants(cid())).map((p) => p.userId).sort()).toEqual([w.instructor.id, other.id].sort());
    const count = await w.clients.instructor.json('GET', `/api/class/${cid()}/count`);
    expect(count.body).toEqual({ classId: cid(), count: 2 });
  });

  it('ends the class: empty 200 and every piece of live state cleared', async () => {
    await goLive();
    await modes.set(cid(), 'VIEW_ONLY');
    await codes.put(cid(), { kind: 'instructor' }, { userId: w.instructor.id, code: 'x', language: 'java', updatedAt: new Date() }, 60);
    await bans.ban(cid(), other.id, 600);
    const r = await w.clients.instructor.request('POST', `/api/class/${cid()}/end`, { raw: 'null', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('');
    expect(await presence.participants(cid())).toEqual([]);
    expect(await modes.get(cid())).toBeNull();
    expect(await codes.get(cid(), { kind: 'instructor' })).toBeNull();
    expect(await bans.isBanned(cid(), other.id)).toBe(false);
    expect([...(await video.usersOn(cid()))]).toEqual([]);
    expect((await w.clients.student.json('GET', `/api/class/${cid()}/participants`)).body).toEqual({ classId: String(cid()), participants: [], totalCount: 0, studentCount: 0 });
  });

  it('answers HEAD on a RAW GET like GET, without a body', async () => {
    const r = await w.clients.student.request('HEAD', `/api/class/${cid()}/count`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('');
  });
});
