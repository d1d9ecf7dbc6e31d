import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassRoom, User } from '@sooscode/domain';
import type { HttpClient } from '../support/test-server';
import { startClassroomFixture, type ClassroomFixture } from './classroom-fixture';

const SPRING_PAGE_KEYS = ['content', 'pageable', 'last', 'totalElements', 'totalPages', 'size', 'number', 'sort', 'first', 'numberOfElements', 'empty'];
const PAGEABLE_KEYS = ['pageNumber', 'pageSize', 'sort', 'offset', 'paged', 'unpaged'];
const SORTED = { empty: false, sorted: true, unsorted: false };

describe('my page classes and class detail (http.md §7)', () => {
  let f: ClassroomFixture;
  let teacher: User;
  let student: User;
  let studentClient: HttpClient;
  let teacherClient: HttpClient;
  let classes: ClassRoom[];
  beforeAll(async () => {
    f = await startClassroomFixture();
    teacher = await f.user('INSTRUCTOR', { name: '마이강사' });
    student = await f.user('STUDENT');
    classes = [];
    for (let i = 0; i < 4; i++) {
      classes.push(await f.classRoom(teacher.id, { title: `마이 ${i}`, active: i !== 1, createdAt: new Date(Date.UTC(2025, 10, 1 + i)), thumbnailUrl: i === 2 ? 'https://cdn/t.png' : null }));
    }
    await f.enrol(classes[0]!.id, student.id, new Date('2025-12-03T00:00:00Z'));
    await f.enrol(classes[1]!.id, student.id, new Date('2025-12-05T00:00:00Z'));
    await f.enrol(classes[2]!.id, student.id, new Date('2025-12-04T00:00:00Z'));
    studentClient = await f.login(student);
    teacherClient = await f.login(teacher);
  });
  afterAll(async () => {
    await f.stop();
  });

  it('gives a student their enrolled classes, newest enrolment first, inactive included, as a Spring page', async () => {
    const r = await studentClient.json('GET', '/api/mypage/classes?page=0&size=10&sort=createdAt,desc');
    expect([r.status, r.body.code]).toEqual([200, 'GLOBAL_000']);
    const page = r.body.data as Record<string, unknown> & { content: Record<string, unknown>[]; pageable: object };
    expect(Object.keys(page)).toEqual(SPRING_PAGE_KEYS);
    expect(Object.keys(page.pageable)).toEqual(PAGEABLE_KEYS);
    expect(page).toEqual({
      content: page.content,
      pageable: { pageNumber: 0, pageSize: 10, sort: SORTED, offset: 0, paged: true, unpaged: false },
      last: true, totalElements: 3, totalPages: 1, size: 10, number: 0, sort: SORTED, first: true, numberOfElements: 3, empty: false,
    });
    expect(page.content.map((c) => c.classId)).toEqual([classes[1]!.id, classes[2]!.id, classes[0]!.id]);
    expect(Object.keys(page.content[0]!)).toEqual(['classId', 'title', 'teacherName', 'thumbnailUrl', 'startDate', 'endDate', 'startTime', 'endTime']);
    expect(page.content[1]).toEqual({
      classId: classes[2]!.id, title: '마이 2', teacherName: '마이강사', thumbnailUrl: 'https://cdn/t.png',
      startDate: '2025-12-01', endDate: '2026-02-28', startTime: '09:00:00', endTime: '18:00:00',
    });
  });

  it('gives an instructor the classes they teach, newest class first, and pages them', async () => {
    const r = await teacherClient.json('GET', '/api/mypage/classes?page=1&size=3');
    const page = r.body.data as { content: { classId: number }[] } & Record<string, unknown>;
    expect(page.content.map((c) => c.classId)).toEqual([classes[0]!.id]);
    expect(page).toMatchObject({ totalElements: 4, totalPages: 2, number: 1, size: 3, first: false, last: true, numberOfElements: 1, empty: false });
    const empty = await teacherClient.json('GET', '/api/mypage/classes?page=7&size=0');
    expect(empty.body.data).toMatchObject({ content: [], size: 10, number: 7, totalPages: 1, last: true, empty: true, pageable: { offset: 70 } });
    const none = await (await f.login(await f.user('STUDENT'))).json('GET', '/api/mypage/classes');
    expect(none.body.data).toMatchObject({ totalElements: 0, totalPages: 0, first: true, last: true, empty: true, size: 10 });
  });

  it('refuses an admin with 403 USER_002 and bad paging with GLOBAL_411', async () => {
    const r = await f.admin.json('GET', '/api/mypage/classes');
    expect(r.body).toEqual({ success: false, status: 403, code: 'USER_002', message: '정지된 사용자입니다' });
    expect((await studentClient.json('GET', '/api/mypage/classes?page=one')).body.code).toBe('GLOBAL_411');
  });

  it('describes a class to members and admins, with status null and the mode rule', async () => {
    const r = await studentClient.json('GET', `/api/mypage/detail/${classes[1]!.id}`);
    expect(Object.keys(r.body.data as object)).toEqual(['classId', 'title', 'description', 'mode', 'status', 'startDate', 'endDate', 'startTime', 'endTime', 'thumbnailUrl']);
    expect(r.body.data).toEqual({
      classId: classes[1]!.id, title: '마이 1', description: classes[1]!.description, mode: 'FREE', status: null,
      startDate: '2025-12-01', endDate: '2026-02-28', startTime: '09:00:00', endTime: '18:00:00', thumbnailUrl: null,
    });
    expect((await f.admin.json('GET', `/api/mypage/detail/${classes[3]!.id}`)).status).toBe(200);
    expect((await studentClient.json('GET', `/api/mypage/detail/${classes[3]!.id}`)).body.code).toBe('CLASS_002');
    expect((await studentClient.json('GET', '/api/mypage/detail/999999')).body.code).toBe('CLASS_001');
  });

  it('parses the detail id with the old FILE_020 rule', async () => {
    for (const [raw, code] of [['0', 'FILE_020'], ['-1', 'FILE_020'], ['-99999999999999999999', 'FILE_020'], ['abc', 'GLOBAL_411'], ['1.5', 'GLOBAL_411'], ['9007199254740992', 'GLOBAL_411'], ['1e3', 'GLOBAL_411']] as const) {
      const r = await studentClient.json('GET', `/api/mypage/detail/${raw}`);
      expect([raw, r.status, r.body.code]).toEqual([raw, 400, code]);
    }
    expect((await f.anonymous.json('GET', '/api/mypage/detail/0')).status).toBe(401);
  });
});
