import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceRegistry, User } from '@sooscode/domain';
import { addDays, localDateOf } from '@sooscode/domain';
import type { HttpClient } from '../support/test-server';
import { TOKENS } from '../../src/tokens';
import { startClassroomFixture, type ClassroomFixture } from './classroom-fixture';

const CLASS_ITEM_KEYS = ['classId', 'thumbnail', 'title', 'description', 'online', 'active', 'startDate', 'endDate', 'startTime', 'endTime', 'instructorName', 'studentCount'];
const ADMIN_PAGE_KEYS = ['contents', 'currentPage', 'totalPages', 'totalElements', 'size'];

describe('admin classes (http.md §11)', () => {
  let f: ClassroomFixture;
  let instructor: User;
  let student: HttpClient;
  let teacher: HttpClient;
  const tomorrow = addDays(localDateOf(new Date(), 'Asia/Seoul'), 1);
  const valid = () => ({ title: '  자바 기초  ', description: null, instructorId: instructor.id, isOnline: true, startDate: tomorrow, endDate: addDays(tomorrow, 30), startTime: '09:00', endTime: '18:00' });
  beforeAll(async () => {
    f = await startClassroomFixture();
    instructor = await f.user('INSTRUCTOR', { name: '최강사' });
    student = await f.login(await f.user('STUDENT'));
    teacher = await f.login(instructor);
  });
  afterAll(async () => {
    await f.stop();
  });
  const create = async (body: Record<string, unknown>) => f.admin.json('POST', '/api/admin/classes/create', { body });

  it('refuses anonymous callers with 401 and non-admins with 403 GLOBAL_403 on every route', async () => {
    const routes: [string, string][] = [
      ['POST', '/api/admin/classes/create'], ['GET', '/api/admin/classes'], ['GET', '/api/admin/classes/instructors'], ['GET', '/api/admin/classes/list/export'],
      ['GET', '/api/admin/classes/1'], ['POST', '/api/admin/classes/1/edit'], ['POST', '/api/admin/classes/1/delete'], ['POST', '/api/admin/classes/1/students/assign'],
      ['POST', '/api/admin/classes/1/students/delete'], ['GET', '/api/admin/classes/1/students'], ['GET', '/api/admin/classes/1/students/available'], ['GET', '/api/admin/classes/1/export'],
    ];
    for (const [method, path] of routes) {
      expect([path, (await f.anonymous.json(method, path)).status]).toEqual([path, 401]);
      for (const client of [student, teacher]) {
        const r = await client.json(method, path, method === 'GET' ? {} : { body: {} });
        expect([path, r.status, r.body.code]).toEqual([path, 403, 'GLOBAL_403']);
      }
    }
  });

  it('creates a class: ADM_CLS_000 with a ClassItem, title trimmed, times as HH:mm:ss', async () => {
    const r = await create(valid());
    expect([r.status, r.body.code, r.body.message]).toEqual([200, 'ADM_CLS_000', '클래스 생성에 성공하였습니다']);
    const item = r.body.data as Record<string, unknown>;
    expect(Object.keys(item)).toEqual(CLASS_ITEM_KEYS);
    expect(item).toEqual({
      classId: item.classId, thumbnail: null, title: '자바 기초', description: null, online: true, active: true, startDate: tomorrow,
      endDate: addDays(tomorrow, 30), startTime: '09:00:00', endTime: '18:00:00', instructorName: '최강사', studentCount: 0,
    });
    const stored = await f.classes.findById(item.classId as number);
    expect(stored).toMatchObject({ mode: 'FREE', active: true, instructorId: instructor.id });
  });

  it('validates in the contract order, then the instructor', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '   ', instructorId: undefined }, 'VALID_CLA_001'],
      [{ title: 'x'.repeat(256) }, 'VALID_CLA_003'],
      [{ description: 'd'.repeat(1001), instructorId: undefined }, 'VALID_CLA_004'],
      [{ instructorId: undefined, isOnline: undefined }, 'VALID_CLA_031'],
      [{ instructorId: 0 }, 'VALID_CLA_031'],
      [{ isOnline: null, startDate: undefined }, 'VALID_CLA_030'],
      [{ startDate: undefined, endDate: undefined }, 'VALID_CLA_010'],
      [{ endDate: undefined }, 'VALID_CLA_011'],
      [{ startDate: '2000-01-01', endDate: '1999-01-01' }, 'VALID_CLA_012'],
      [{ endDate: addDays(tomorrow, -1), startTime: undefined }, 'VALID_CLA_013'],
      [{ startTime: undefined, endTime: undefined }, 'VALID_CLA_020'],
      [{ endTime: undefined }, 'VALID_CLA_021'],
      [{ startTime: '10:00', endTime: '10:00:00' }, 'VALID_CLA_022'],
      [{ startTime: '10:00', endTime: '09:00' }, 'VALID_CLA_022'],
      [{ startTime: '09:00', endTime: '09:29:59' }, 'VALID_CLA_023'],
      [{ startTime: '00:00', endTime: '21:00' }, 'VALID_CLA_024'],
      [{ instructorId: 999_999 }, 'ADM_USR_001'],
    ];
    for (const [patch, code] of cases) {
      const body: Record<string, unknown> = { ...valid(), ...patch };
      for (const k of Object.keys(patch)) if (patch[k] === undefined) delete body[k];
      const r = await create(body);
      expect([JSON.stringify(patch).slice(0, 60), r.status, r.body.code]).toEqual([JSON.stringify(patch).slice(0, 60), code.startsWith('ADM_USR') ? 404 : 400, code]);
    }
    const notInstructor = await create({ ...valid(), instructorId: (await f.user('STUDENT')).id });
    expect([notInstructor.status, notInstructor.body.code]).toEqual([400, 'ADM_CLS_002']);
    expect((await create({ ...valid(), startTime: '00:00', endTime: '20:59' })).body.code).toBe('ADM_CLS_000');
  });

  it('answers a bad type or date/time format with 400 GLOBAL_410 and detail, before validation', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ startDate: '2025/12/01', title: '' }, 'startDate'],
      [{ endDate: '2025-02-30' }, 'endDate'],
      [{ startTime: '9:00' }, 'startTime'],
      [{ endTime: '24:00' }, 'endTime'],
      [{ isOnline: 'yes' }, 'isOnline'],
      [{ instructorId: 'abc' }, 'instructorId'],
      [{ instructorId: 1.5 }, 'instructorId'],
      [{ title: { a: 1 } }, 'title'],
    ];
    for (const [patch, field] of cases) {
      const r = await create({ ...valid(), ...patch });
      expect([r.status, r.body.code, r.body.message]).toEqual([400, 'GLOBAL_410', `입력값 검증에 실패했습니다 - ${field}: 형식이 올바르지 않습니다`]);
    }
    expect((await f.admin.json('POST', '/api/admin/classes/create', { raw: 'title=x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await f.admin.json('POST', '/api/admin/classes/create', { raw: '[]', headers: { 'content-type': 'application/json' } })).body.code).toBe('GLOBAL_400');
    expect((await create({ ...valid(), isOnline: 'false', instructorId: String(instructor.id) })).body.code).toBe('ADM_CLS_000');
  });

  it('reads and edits a class (a past start date is allowed on edit)', async () => {
    const id = ((await create(valid())).body.data as { classId: number }).classId;
    const got = await f.admin.json('GET', `/api/admin/classes/${id}`);
    expect([got.body.code, Object.keys(got.body.data as object)]).toEqual(['ADM_COM_000', CLASS_ITEM_KEYS]);
    const edited = await f.admin.json('POST', `/api/admin/classes/${id}/edit`, { body: { ...valid(), title: '수정됨', startDate: '2020-01-01', isOnline: false } });
    expect([edited.status, edited.body.code]).toEqual([200, 'ADM_COM_000']);
    expect(edited.body.data).toMatchObject({ classId: id, title: '수정됨', startDate: '2020-01-01', online: false });
    expect((await f.admin.json('POST', '/api/admin/classes/999999/edit', { body: { title: '' } })).body.code).toBe('CLASS_001');
    expect((await f.admin.json('POST', `/api/admin/classes/${id}/edit`, { body: { ...valid(), title: '' } })).body.code).toBe('VALID_CLA_001');
    expect((await f.admin.json('GET', '/api/admin/classes/999999')).body.code).toBe('CLASS_001');
    expect((await f.admin.json('GET', '/api/admin/classes/abc')).body.code).toBe('GLOBAL_411');
  });

  it('lists active classes as an AdminPage with keyword, filters, sorting and paging', async () => {
    const mk = async (patch: Record<string, unknown>) => ((await create({ ...valid(), ...patch })).body.data as { classId: number }).classId;
    const a = await mk({ title: 'ZZLIST Alpha', startTime: '08:00', endTime: '10:00' });
    const b = await mk({ title: 'zzlist beta', startDate: addDays(tomorrow, 5), endDate: addDays(tomorrow, 6), startTime: '13:00', endTime: '15:00' });
    const c = await mk({ title: 'ZZLIST Gamma' });
    await f.admin.json('POST', `/api/admin/classes/${c}/delete`);
    const ids = async (q: string) => ((await f.admin.json('GET', `/api/admin/classes?keyword=zzlist${q}`)).body.data as { contents: { classId: number }[] }).contents.map((x) => x.classId);
    const page = await f.admin.json('GET', '/api/admin/classes?keyword=ZZList&size=1&page=1&sortBy=title&sortDirection=asc');
    expect(Object.keys(page.body.data as object)).toEqual(ADMIN_PAGE_KEYS);
    expect(page.body.data).toMatchObject({ currentPage: 1, totalPages: 2, totalElements: 2, size: 1 });
    expect(await ids('&sortBy=title&sortDirection=ASC')).toEqual([a, b]);
    expect(await ids('&sortBy=nonsense&sortDirection=sideways')).toEqual([b, a]);
    expect(await ids(`&startDate=${addDays(tomorrow, 1)}`)).toEqual([b]);
    expect(await ids(`&endDate=${addDays(tomorrow, 6)}`)).toEqual([b]);
    expect(await ids('&startTime=09:00')).toEqual([b]);
    expect(await ids('&endTime=10:00:00')).toEqual([a]);
    expect((await ids('')).length).toBe(2);
    const byInstructor = await f.admin.json('GET', '/api/admin/classes?keyword=최강');
    expect((byInstructor.body.data as { totalElements: number }).totalElements).toBeGreaterThanOrEqual(2);
    for (const bad of ['startDate=2025-13-01', 'endDate=yesterday', 'startTime=25:00', 'endTime=9', 'page=x', 'size=1.5', 'page=99999999999999999']) {
      const r = await f.admin.json('GET', `/api/admin/classes?${bad}`);
      expect([bad, r.status, r.body.code]).toEqual([bad, 400, 'GLOBAL_411']);
    }
    const huge = await f.admin.json('GET', '/api/admin/classes?size=5000&page=-3');
    expect(huge.body.data).toMatchObject({ currentPage: 0, size: 1000 });
  });

  it('assigns and unassigns students with one result per id', async () => {
    const id = ((await create(valid())).body.data as { classId: number }).classId;
    const s1 = await f.user('STUDENT', { name: '배정학생' });
    const assign = (ids: unknown) => f.admin.json('POST', `/api/admin/classes/${id}/students/assign`, { body: { studentIds: ids } });
    const r = await assign([s1.id, 999_999, instructor.id, s1.id]);
    expect(r.body).toEqual({
      success: true, status: 200, code: 'ADM_COM_000', message: '성공적으로 요청을 처리하였습니다.',
      data: {
        totalCount: 4, successCount: 1, failureCount: 3,
        results: [
          { studentId: s1.id, studentName: '배정학생', success: true, message: '배정 성공' },
          { studentId: 999_999, studentName: null, success: false, message: '존재하지 않는 사용자입니다' },
          { studentId: instructor.id, studentName: '최강사', success: false, message: '학생 권한이 아닙니다' },
          { studentId: s1.id, studentName: '배정학생', success: false, message: '이미 배정된 학생입니다' },
        ],
      },
    });
    for (const bad of [[], null, undefined]) expect((await assign(bad)).body.code).toBe('VALID_CLA_032');
    expect((await assign('1,2')).body.code).toBe('GLOBAL_410');
    expect((await f.admin.json('POST', '/api/admin/classes/999999/students/assign', { body: { studentIds: [1] } })).body.code).toBe('CLASS_001');
    const presence = f.server.container.get<PresenceRegistry>(TOKENS.PresenceRegistry);
    await presence.join(id, 'sess-x', { userId: s1.id, username: '배정학생', instructor: false }, new Date());
    const un = await f.admin.json('POST', `/api/admin/classes/${id}/students/delete`, { body: { studentIds: [s1.id, s1.id, 999_999] } });
    expect((un.body.data as { results: { message: string }[] }).results.map((x) => x.message)).toEqual(['배정 해제 성공', '배정되지 않은 학생입니다', '존재하지 않는 사용자입니다']);
    expect(await presence.participants(id)).toEqual([]);
    expect(await f.enrolments.isEnrolled(id, s1.id)).toBe(false);
    expect((await f.admin.json('POST', `/api/admin/classes/${id}/students/delete`, { body: {} })).body.code).toBe('VALID_CLA_032');
  });

  it('lists a class’s students, the available students and the instructors', async () => {
    const id = ((await create(valid())).body.data as { classId: number }).classId;
    const kim = await f.user('STUDENT', { name: '가나다학생', profileImageUrl: 'https://cdn/k.png' });
    const lee = await f.user('STUDENT', { name: '가나라학생' });
    await f.user('STUDENT', { name: '가나마학생', status: 'INACTIVE' });
    await f.enrol(id, kim.id, new Date('2025-12-01T00:00:00Z'));
    await f.enrol(id, lee.id, new Date('2025-12-02T00:00:00Z'));
    const list = await f.admin.json('GET', `/api/admin/classes/${id}/students?sortDirection=ASC`);
    const data = list.body.data as { contents: Record<string, unknown>[] };
    expect(Object.keys(data)).toEqual(ADMIN_PAGE_KEYS);
    expect(data).toMatchObject({ currentPage: 0, totalPages: 1, totalElements: 2, size: 5 });
    expect(data.contents[0]).toEqual({ userId: kim.id, name: '가나다학생', email: kim.email, profileImage: 'https://cdn/k.png', enrolledAt: '2025-12-01T09:00:00' });
    expect(data.contents[1]!.profileImage).toBe('https://sooscode-s3file.s3.ap-northeast-2.amazonaws.com/profile.png');
    const filtered = await f.admin.json('GET', `/api/admin/classes/${id}/students?keyword=${encodeURIComponent('나라')}`);
    expect((filtered.body.data as { contents: { userId: number }[] }).contents.map((s) => s.userId)).toEqual([lee.id]);
    expect((await f.admin.json('GET', '/api/admin/classes/999999/students')).body.code).toBe('CLASS_001');
    const free = await f.user('STUDENT', { name: '가나바학생' });
    const available = await f.admin.json('GET', `/api/admin/classes/${id}/students/available?keyword=${encodeURIComponent('가나')}`);
    expect(available.body.data).toEqual([{ userId: free.id, name: '가나바학생', email: free.email }]);
    const missing = await f.admin.json('GET', '/api/admin/classes/999999/students/available');
    expect([missing.status, missing.body.code]).toEqual([404, 'ADM_CLS_001']);
    const instructors = await f.admin.json('GET', `/api/admin/classes/instructors?keyword=${encodeURIComponent('최강')}`);
    expect(instructors.body).toMatchObject({ code: 'ADM_COM_000', data: [{ userId: instructor.id, name: '최강사', email: instructor.email }] });
  });

  it('deletes softly and ends a live session', async () => {
    const id = ((await create(valid())).body.data as { classId: number }).classId;
    const presence = f.server.container.get<PresenceRegistry>(TOKENS.PresenceRegistry);
    await presence.join(id, 'sess-t', { userId: instructor.id, username: '최강사', instructor: true }, new Date());
    const del = await f.admin.json('POST', `/api/admin/classes/${id}/delete`);
    expect(del.body).toEqual({ success: true, status: 200, code: 'ADM_COM_000', message: '성공적으로 요청을 처리하였습니다.' });
    expect(await presence.participants(id)).toEqual([]);
    expect(((await f.admin.json('GET', `/api/admin/classes/${id}`)).body.data as { active: boolean }).active).toBe(false);
    expect((await f.admin.json('POST', '/api/admin/classes/999999/delete')).body.code).toBe('CLASS_001');
  });
});
