import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingErrors } from '../support/counting-logger';
import { actorWorld, startClassroomFixture, type ActorWorld, type ClassroomFixture } from './classroom-fixture';

const HUGE = '9007199254740993';
const BAD_IDS = ['0', '-5', 'abc', '1.0', '1e3', HUGE, '99999999999999999999999', '%20'];

describe('bad input is always a 4xx, never a 500', () => {
  const counter = { errors: 0 };
  let f: ClassroomFixture;
  let w: ActorWorld;
  beforeAll(async () => {
    f = await startClassroomFixture({ logger: countingErrors(counter) });
    w = await actorWorld(f);
  });
  afterAll(async () => {
    await f.stop();
  });

  it('answers every malformed path id with 400 GLOBAL_411 (FILE_020 only on my-page detail)', async () => {
    const templates = [
      'GET /api/class/:id', 'GET /api/classroom/:id', 'GET /api/class/:id/participants', 'GET /api/class/:id/students', 'GET /api/class/:id/count',
      'GET /api/class/:id/code/instructor', 'GET /api/class/1/code/student/:id', 'POST /api/class/:id/end', 'POST /api/class/1/kick/:id', 'POST /api/class/:id/kick/1',
      'GET /api/admin/classes/:id', 'POST /api/admin/classes/:id/edit', 'POST /api/admin/classes/:id/delete', 'GET /api/admin/classes/:id/students',
      'GET /api/admin/classes/:id/students/available', 'POST /api/admin/classes/:id/students/assign', 'GET /api/admin/users/:id', 'POST /api/admin/users/:id/role',
      'DELETE /api/admin/users/:id', 'GET /api/admin/users/:id/classes', 'GET /api/mypage/:id/files', 'POST /api/mypage/classroom/:id/thumbnail',
    ];
    for (const t of templates) {
      const [method, path] = t.split(' ') as [string, string];
      for (const id of BAD_IDS) {
        const r = await f.admin.json(method, path.replace(':id', id));
        expect([t, id, r.status, r.body.code]).toEqual([t, id, 400, 'GLOBAL_411']);
      }
    }
  });

  it('answers bad query parameters with 4xx and applies the documented fallbacks', async () => {
    const c = w.classRoom.id;
    const cases: [string, number][] = [
      ['/api/admin/classes?sortBy=drop%20table&sortDirection=%27', 200],
      ['/api/admin/classes?page=-1&size=100000', 200],
      ['/api/admin/classes?page=1.5', 400],
      [`/api/admin/classes?page=${HUGE}`, 400],
      ['/api/admin/classes?page=9999999999999&size=1000', 200],
      ['/api/admin/classes?startDate=2025-02-29', 400],
      ['/api/admin/classes?startTime=12:60', 400],
      ['/api/admin/users?sortBy=createdAt;--&role=root&status=%00', 200],
      ['/api/admin/users?endDate=2025-12-1', 400],
      ['/api/admin/users?keyword=%25_%5C', 200],
      ['/api/admin/classes/1/students?sortDirection=sideways&size=-1', 200],
      ['/api/admin/classes/instructors?keyword=%25', 200],
      [`/api/snapshot/read?classId=${c}&page=-9&size=0`, 200],
      [`/api/snapshot/read?classId=${c}&size=abc`, 400],
      [`/api/snapshot/read/language/date?classId=${c}&language=%00&day=2025-12-01`, 400],
      [`/api/snapshot/read/title/language/date?classId=${c}&sort=id,desc;drop`, 200],
      [`/api/snapshot/read/title/language/date?classId=${c}&startDate=2025-13-01&endDate=2025-12-01`, 400],
      [`/api/snapshot/read/date?classId=${c}&day=20251201`, 400],
      [`/api/snapshot/read/each?classId=${c}&snapshotId=${HUGE}`, 400],
      [`/api/snapshot/read?classId=-1`, 400],
      ['/api/mypage/classes?size=1.0', 400],
    ];
    for (const [path, status] of cases) {
      const answer = await (path.startsWith('/api/admin') ? f.admin : w.clients.student).json('GET', path);
      expect([path, answer.status]).toEqual([path, status]);
    }
  });

  it('answers bad bodies with 4xx', async () => {
    const c = w.classRoom.id;
    const cases: [string, string, string | undefined, string][] = [
      ['POST', '/api/admin/classes/create', '{"title":', 'GLOBAL_400'],
      ['POST', '/api/admin/classes/create', '"text"', 'GLOBAL_400'],
      ['POST', '/api/admin/classes/create', undefined, 'GLOBAL_400'],
      ['POST', `/api/admin/classes/${c}/students/assign`, '{"studentIds":[1,"x"]}', 'GLOBAL_410'],
      ['POST', `/api/admin/classes/${c}/students/assign`, '{"studentIds":{"a":1}}', 'GLOBAL_410'],
      ['POST', `/api/admin/classes/${c}/students/assign`, `{"studentIds":[${HUGE}]}`, 'GLOBAL_410'],
      ['POST', '/api/admin/users/create', '{"email":["a"],"name":"x","role":"STUDENT"}', 'GLOBAL_410'],
      ['POST', '/api/admin/users/1/role', '{"role":7}', 'VALID_USR_016'],
      ['POST', '/api/snapshot/', `{"classId":${c},"title":"t","content":"c","language":["JAVA"]}`, 'GLOBAL_410'],
      ['POST', '/api/snapshot/', `{"classId":"${HUGE}","title":"t","content":"c","language":"JAVA"}`, 'GLOBAL_410'],
    ];
    for (const [method, path, raw, code] of cases) {
      const init = raw === undefined ? {} : { raw, headers: { 'content-type': 'application/json' } };
      const r = await f.admin.json(method, path, init);
      expect([path, raw, r.body.code]).toEqual([path, raw, code]);
      expect(r.status).toBeLessThan(500);
    }
  });

  it('logged no unhandled error while answering all of the above', () => {
    expect(counter.errors).toBe(0);
  });
});
