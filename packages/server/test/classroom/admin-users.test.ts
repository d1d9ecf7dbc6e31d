import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '@sooscode/adapters/system/logger';
import { HttpClient } from '../support/test-server';
import { startClassroomFixture, type ClassroomFixture } from './classroom-fixture';

const ADMIN_PAGE_KEYS = ['contents', 'currentPage', 'totalPages', 'totalElements', 'size'];
const LIST_ITEM_KEYS = ['userId', 'email', 'name', 'role', 'isActive', 'createdAt', 'lastLoginAt'];
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?$/;

/** Keeps every warn so the development mailer's message can be checked. */
function recordingLogger(lines: { obj: object; msg?: string }[]): Logger {
  const self: Logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (obj, msg) => void lines.push({ obj, msg }), child: () => self };
  return self;
}

describe('admin users (http.md §10)', () => {
  const warnings: { obj: object; msg?: string }[] = [];
  let f: ClassroomFixture;
  beforeAll(async () => {
    f = await startClassroomFixture({ logger: recordingLogger(warnings) });
  });
  afterAll(async () => {
    await f.stop();
  });
  const create = (body: Record<string, unknown>) => f.admin.json('POST', '/api/admin/users/create', { body });
  const adminId = async () => (await f.users.findByEmail('admin@test.local'))!.id;

  it('refuses anonymous callers with 401 and non-admins with 403 GLOBAL_403', async () => {
    const student = await f.login(await f.user('STUDENT'));
    const routes: [string, string][] = [
      ['POST', '/api/admin/users/create'], ['POST', '/api/admin/users/bulk'], ['GET', '/api/admin/users/export'], ['GET', '/api/admin/users/template/download'],
      ['GET', '/api/admin/users'], ['GET', '/api/admin/users/1'], ['GET', '/api/admin/users/1/history'], ['POST', '/api/admin/users/1/edit'],
      ['POST', '/api/admin/users/1/delete'], ['DELETE', '/api/admin/users/1'], ['POST', '/api/admin/users/1/deactivate'], ['POST', '/api/admin/users/1/activate'],
      ['POST', '/api/admin/users/1/role'], ['GET', '/api/admin/users/1/classes'], ['POST', '/api/admin/users/1/password/reset'],
    ];
    for (const [method, path] of routes) {
      expect([path, (await f.anonymous.json(method, path)).status]).toEqual([path, 401]);
      const r = await student.json(method, path);
      expect([path, r.status, r.body.code]).toEqual([path, 403, 'GLOBAL_403']);
    }
  });

  it('creates an account with a 12-character temporary password that works, is hashed and is mailed', async () => {
    const r = await create({ email: '  New.Teacher@Example.com ', name: ' 새강사 ', role: 'instructor' });
    expect([r.status, r.body.code]).toEqual([200, 'ADM_COM_000']);
    const data = r.body.data as { userId: number; email: string; name: string; temporaryPassword: string; createdAt: string };
    expect(Object.keys(data)).toEqual(['userId', 'email', 'name', 'temporaryPassword', 'createdAt']);
    expect(data).toMatchObject({ email: 'new.teacher@example.com', name: '새강사' });
    expect(data.temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(data.createdAt).toMatch(LOCAL_DATE_TIME);
    const stored = await f.users.findById(data.userId);
    expect(stored).toMatchObject({ role: 'INSTRUCTOR', status: 'ACTIVE', provider: 'LOCAL' });
    expect(stored!.passwordHash).not.toContain(data.temporaryPassword);
    await new HttpClient(f.server.url).login('new.teacher@example.com', data.temporaryPassword);
    expect(warnings.some((w) => JSON.stringify(w.obj).includes(data.temporaryPassword) && JSON.stringify(w.obj).includes('new.teacher@example.com'))).toBe(true);
    expect((await create({ email: 'NEW.teacher@example.com', name: '다른이', role: 'STUDENT' })).body.code).toBe('AUTH_102');
  });

  it('validates name, then email, then role', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ', email: 'bad', role: 'ADMIN' }, 'VALID_USR_002'],
      [{ name: '김', email: 'bad' }, 'VALID_USR_003'],
      [{ name: '가'.repeat(17) }, 'VALID_USR_004'],
      [{ email: undefined, role: undefined }, 'VALID_USR_005'],
      [{ email: 'a@b' }, 'VALID_USR_007'],
      [{ email: `${'a'.repeat(45)}@example.com` }, 'VALID_USR_008'],
      [{ email: 'not-an-email', role: 'x' }, 'VALID_USR_006'],
      [{ role: undefined }, 'VALID_USR_014'],
      [{ role: ' ' }, 'VALID_USR_014'],
      [{ role: 'admin' }, 'VALID_USR_015'],
      [{ role: 'teacher' }, 'VALID_USR_016'],
    ];
    for (const [patch, code] of cases) {
      const body: Record<string, unknown> = { name: '검증용', email: 'valid.one@example.com', role: 'STUDENT', ...patch };
      for (const k of Object.keys(patch)) if (patch[k] === undefined) delete body[k];
      const r = await create(body);
      expect([JSON.stringify(patch), r.status, r.body.code]).toEqual([JSON.stringify(patch), 400, code]);
    }
    expect((await create({ name: 1, email: 'x@example.com', role: 'STUDENT' })).body.code).toBe('VALID_USR_003');
    expect((await create({ name: { a: 1 }, email: 'x@example.com', role: 'STUDENT' })).body.code).toBe('GLOBAL_410');
  });

  it('lists non-admin users as an AdminPage with filters and sorting', async () => {
    const mk = (name: string, extra: Record<string, unknown> = {}) => f.user((extra.role as 'STUDENT') ?? 'STUDENT', { name, email: `${name.toLowerCase()}@zzlist.test`, ...extra });
    const a = await mk('Zzl-Bravo', { createdAt: new Date('2025-12-01T15:00:00Z') });
    const b = await mk('Zzl-Alpha', { role: 'INSTRUCTOR', status: 'INACTIVE', createdAt: new Date('2025-12-03T00:00:00Z') });
    await f.user('ADMIN', { name: 'Zzl-Admin', email: 'zzl-admin@zzlist.test' });
    const ids = async (q: string) => ((await f.admin.json('GET', `/api/admin/users?keyword=zzlist.TEST${q}`)).body.data as { contents: { userId: number }[] }).contents.map((u) => u.userId);
    const page = await f.admin.json('GET', '/api/admin/users?keyword=zzlist.test&size=1');
    const data = page.body.data as { contents: Record<string, unknown>[] };
    expect(Object.keys(data)).toEqual(ADMIN_PAGE_KEYS);
    expect(data).toMatchObject({ currentPage: 0, totalPages: 2, totalElements: 2, size: 1 });
    expect(Object.keys(data.contents[0]!)).toEqual(LIST_ITEM_KEYS);
    expect(data.contents[0]).toEqual({ userId: b.id, email: b.email, name: 'Zzl-Alpha', role: 'INSTRUCTOR', isActive: 'INACTIVE', createdAt: '2025-12-03T09:00:00', lastLoginAt: null });
    expect(await ids('')).toEqual([b.id, a.id]);
    expect(await ids('&sortBy=name&sortDirection=asc')).toEqual([b.id, a.id]);
    expect(await ids('&sortBy=name&sortDirection=DESC')).toEqual([a.id, b.id]);
    expect(await ids('&sortBy=password&sortDirection=up')).toEqual([b.id, a.id]);
    expect(await ids('&role=instructor')).toEqual([b.id]);
    expect(await ids('&role=ADMIN')).toEqual([]);
    expect(await ids('&role=wizard&status=active')).toEqual([a.id]);
    expect(await ids('&status=bogus')).toEqual([b.id, a.id]);
    expect(await ids('&startDate=2025-12-02')).toEqual([b.id, a.id]);
    expect(await ids('&endDate=2025-12-01')).toEqual([]);
    expect(await ids('&endDate=2025-12-02')).toEqual([a.id]);
    expect(await ids('&startDate=2025-12-03&endDate=2025-12-03')).toEqual([b.id]);
    for (const bad of ['startDate=2025-1-1', 'endDate=0000-01-01', 'page=abc', 'size=']) {
      const r = await f.admin.json('GET', `/api/admin/users?${bad}`);
      expect([bad, r.status]).toEqual([bad, bad === 'size=' ? 200 : 400]);
    }
    await new HttpClient(f.server.url).login('admin@test.local', 'Admin1234!');
    const all = await f.admin.json('GET', '/api/admin/users?size=1000');
    expect((all.body.data as { contents: { role: string }[] }).contents.every((u) => u.role !== 'ADMIN')).toBe(true);
  });

  it('shows a user’s detail, history and classes', async () => {
    const s = await f.user('STUDENT', { name: '상세학생' });
    await f.login(s);
    const detail = await f.admin.json('GET', `/api/admin/users/${s.id}`);
    expect(Object.keys(detail.body.data as object)).toEqual(['userId', 'email', 'name', 'role', 'isActive', 'createdAt', 'updatedAt']);
    expect(detail.body.data).toMatchObject({ userId: s.id, name: '상세학생', role: 'STUDENT', isActive: 'ACTIVE' });
    expect((await f.admin.json('GET', '/api/admin/users/999999')).body.code).toBe('ADM_USR_001');
    expect((await f.admin.json('GET', `/api/admin/users/${s.id}/history?limit=5`)).body).toMatchObject({ code: 'ADM_COM_000', data: [] });
    expect((await f.admin.json('GET', '/api/admin/users/999999/history')).body.code).toBe('ADM_USR_001');
    expect((await f.admin.json('GET', `/api/admin/users/${s.id}/history?limit=five`)).body.code).toBe('GLOBAL_411');
    const t = await f.user('INSTRUCTOR', { name: '담임' });
    const c1 = await f.classRoom(t.id, { title: '먼저' });
    const c2 = await f.classRoom(t.id, { title: '나중' });
    await f.enrol(c1.id, s.id, new Date('2025-12-01T00:00:00Z'));
    await f.enrol(c2.id, s.id, new Date('2025-12-02T00:00:00.250Z'));
    const classes = await f.admin.json('GET', `/api/admin/users/${s.id}/classes`);
    expect(classes.body.data).toEqual([
      { classId: c2.id, className: '나중', instructorName: '담임', enrolledAt: '2025-12-02T09:00:00.25' },
      { classId: c1.id, className: '먼저', instructorName: '담임', enrolledAt: '2025-12-01T09:00:00' },
    ]);
    expect((await f.admin.json('GET', '/api/admin/users/999999/classes')).body.code).toBe('ADM_USR_001');
  });

  it('edits an account; refuses admins, invalid fields and taken emails', async () => {
    const s = await f.user('STUDENT');
    const taken = await f.user('STUDENT');
    const edit = (id: number, body: Record<string, unknown>) => f.admin.json('POST', `/api/admin/users/${id}/edit`, { body });
    expect((await edit(999_999, {})).body.code).toBe('ADM_USR_001');
    expect((await edit(await adminId(), { email: 'a@example.com', name: '관리', role: 'STUDENT' })).body.code).toBe('ADM_USR_003');
    expect((await edit(s.id, { email: taken.email.toUpperCase(), name: '수정', role: 'STUDENT' })).body.code).toBe('AUTH_102');
    expect((await edit(s.id, { email: s.email, name: '수정', role: 'ADMIN' })).body.code).toBe('VALID_USR_015');
    const ok = await edit(s.id, { email: 'Edited.User@example.com', name: ' 수정됨 ', role: 'instructor' });
    expect(ok.body).toEqual({ success: true, status: 200, code: 'ADM_COM_000', message: '성공적으로 요청을 처리하였습니다.' });
    expect(await f.users.findById(s.id)).toMatchObject({ email: 'edited.user@example.com', name: '수정됨', role: 'INSTRUCTOR' });
  });

  it('deactivates through all three paths, revoking sessions; activates again', async () => {
    for (const [method, suffix] of [['POST', '/delete'], ['DELETE', ''], ['POST', '/deactivate']] as const) {
      const s = await f.user('STUDENT');
      const client = await f.login(s);
      expect((await client.json('GET', '/api/me')).status).toBe(200);
      const r = await f.admin.json(method, `/api/admin/users/${s.id}${suffix}`);
      expect([suffix, r.body.code]).toEqual([suffix, 'ADM_COM_000']);
      expect((await f.users.findById(s.id))!.status).toBe('INACTIVE');
      expect((await client.json('GET', '/api/me')).status).toBe(401);
      expect((await f.admin.json(method, `/api/admin/users/${await adminId()}${suffix}`)).body.code).toBe('ADM_USR_002');
      expect((await f.admin.json(method, `/api/admin/users/999999${suffix}`)).body.code).toBe('ADM_USR_001');
      const back = await f.admin.json('POST', `/api/admin/users/${s.id}/activate`);
      expect(back.body.code).toBe('ADM_COM_000');
      expect((await f.users.findById(s.id))!.status).toBe('ACTIVE');
    }
    expect((await f.admin.json('POST', `/api/admin/users/${await adminId()}/activate`)).body.code).toBe('ADM_USR_003');
    expect((await f.admin.json('POST', '/api/admin/users/999999/activate')).body.code).toBe('ADM_USR_001');
  });

  it('changes a role case-insensitively, effective on the next request', async () => {
    const s = await f.user('STUDENT');
    const client = await f.login(s);
    const role = (id: number, body: Record<string, unknown>) => f.admin.json('POST', `/api/admin/users/${id}/role`, { body });
    expect((await role(999_999, {})).body.code).toBe('ADM_USR_001');
    expect((await role(s.id, {})).body.code).toBe('VALID_USR_014');
    expect((await role(s.id, { role: 'boss' })).body.code).toBe('VALID_USR_016');
    expect((await role(s.id, { role: 'admin' })).body.code).toBe('ADM_USR_004');
    expect((await role(await adminId(), { role: 'student' })).body.code).toBe('ADM_USR_003');
    expect((await role(s.id, { role: 'instructor' })).body.code).toBe('ADM_COM_000');
    expect(((await client.json('GET', '/api/me')).body.data as { role: string }).role).toBe('INSTRUCTOR');
  });
});
