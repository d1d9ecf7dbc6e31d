import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotRepository } from '@sooscode/domain';
import { TOKENS } from '../../src/tokens';
import { actorWorld, startClassroomFixture, type ActorWorld, type ClassroomFixture } from '../classroom/classroom-fixture';
import { closeAllClients, LiveClient } from '../realtime/support/live-client';
import { eventually } from '../realtime/support/eventually';
import { postChunked } from '../support/chunked-request';
import { countingErrors } from '../support/counting-logger';

const FORMAT = '형식이 올바르지 않습니다';
const NOT_ALLOWED = '허용되지 않는 값입니다';
const invalidField = (field: string, reason = FORMAT) => ({ success: false, status: 400, code: 'GLOBAL_410', message: `입력값 검증에 실패했습니다 - ${field}: ${reason}` });
const invalidParam = (name: string, reason = FORMAT) => ({ success: false, status: 400, code: 'GLOBAL_411', message: `유효하지 않은 파라미터입니다 - ${name}: ${reason}` });

/** The reproductions of issue 14, each answered with its documented 4xx (or stored verbatim), never a 500. */
describe('hostile input (issue 14)', () => {
  const counter = { errors: 0 };
  let f: ClassroomFixture;
  let w: ActorWorld;
  let c: number;
  beforeAll(async () => {
    f = await startClassroomFixture({ logger: countingErrors(counter) });
    w = await actorWorld(f);
    c = w.classRoom.id;
  });
  afterAll(async () => {
    await f.stop();
  });
  afterEach(closeAllClients);

  describe('1. U+0000 and unpaired surrogates', () => {
    it('refuses them in identity fields and parameters with the field’s GLOBAL_410 / GLOBAL_411', async () => {
      const anon = f.anonymous;
      expect((await anon.json('POST', '/api/auth/login', { body: { email: 'a\u0000@b.cd', password: 'Password1' } })).body).toEqual(invalidField('email'));
      expect((await anon.json('GET', '/api/auth/email/check?email=%00')).body).toEqual(invalidParam('email'));
      const register = { email: 'new\u0000@b.cd', name: '새사람', password: 'Password1', confirmPassword: 'Password1' };
      expect((await anon.json('POST', '/api/auth/register', { body: register })).body).toEqual(invalidField('email'));
      expect((await anon.json('POST', '/api/auth/register', { body: { ...register, email: 'new@b.cd', name: 'a\u0000b' } })).body).toEqual(invalidField('name'));
      expect((await anon.json('POST', '/api/auth/email/send', { body: { email: 'a\u0000@b.cd' } })).body).toEqual(invalidField('email'));
      expect((await anon.json('POST', '/api/auth/login', { body: { email: 'a\ud800@b.cd', password: 'Password1' } })).body).toEqual(invalidField('email'));
      expect((await w.clients.student.json('POST', '/api/mypage/profile/update', { body: { name: 'a\u0000b' } })).body).toEqual(invalidField('name'));
    });

    it('refuses them in admin user and class fields and in every admin keyword', async () => {
      const admin = f.admin;
      expect((await admin.json('POST', '/api/admin/users/create', { body: { email: 'x\u0000@b.cd', name: '이름', role: 'STUDENT' } })).body).toEqual(invalidField('email'));
      expect((await admin.json('POST', `/api/admin/users/${w.student.id}/edit`, { body: { email: 's@b.cd', name: 'a\u0000b', role: 'STUDENT' } })).body).toEqual(invalidField('name'));
      const klass = { title: 'a\u0000b', instructorId: w.instructor.id, isOnline: true, startDate: '2099-01-01', endDate: '2099-01-02', startTime: '09:00', endTime: '10:00' };
      expect((await admin.json('POST', '/api/admin/classes/create', { body: klass })).body).toEqual(invalidField('title'));
      expect((await admin.json('POST', `/api/admin/classes/${c}/edit`, { body: { ...klass, title: 't', description: '\u0000' } })).body).toEqual(invalidField('description'));
      for (const path of ['/api/admin/users', '/api/admin/classes', '/api/admin/classes/instructors', `/api/admin/classes/${c}/students`, `/api/admin/classes/${c}/students/available`]) {
        expect([path, (await admin.json('GET', `${path}?keyword=%00`)).body]).toEqual([path, invalidParam('keyword')]);
      }
    });

    it('refuses them in snapshot titles, and stores snapshot content exactly as sent', async () => {
      const student = w.clients.student;
      const create = (body: object) => student.json('POST', '/api/snapshot', { body: { classId: c, language: 'JAVA', ...body } });
      expect((await create({ title: 'a\u0000b', content: 'x' })).body).toEqual(invalidField('title'));
      const content = 'NUL:\u0000 lone:\ud800 pair:😀 escape:\ufdd0\ufdd1 rtl:\u202eabc';
      const created = await create({ title: '널 문자', content });
      expect(created.status).toBe(200);
      const id = (created.body.data as { snapshotId: number; content: string }).snapshotId;
      expect((created.body.data as { content: string }).content).toBe(content);
      const repo = f.server.container.get<SnapshotRepository>(TOKENS.SnapshotRepository);
      expect((await repo.findById(id))?.content).toBe(content);
      const each = await student.json('GET', `/api/snapshot/read/each?classId=${c}&snapshotId=${id}`);
      expect((each.body.data as { content: string }).content).toBe(content);
      const found = await student.json('GET', `/api/snapshot/read/content?classId=${c}&content=%00`);
      expect((found.body.data as { snapshotId: number }[]).map((s) => s.snapshotId)).toEqual([id]);
      expect((await student.json('POST', `/api/snapshot/update?snapshotId=${id}`, { body: { classId: c, title: 't', content: '\u0000' } })).status).toBe(200);
      expect((await repo.findById(id))?.content).toBe('\u0000');
      for (const path of ['/api/snapshot/read/title', '/api/snapshot/read/title/date', '/api/snapshot/read/title/language/date']) {
        expect([path, (await student.json('GET', `${path}?classId=${c}&title=%00&day=2025-12-01`)).body]).toEqual([path, invalidParam('title')]);
      }
    });

    it('stores chat content sent over STOMP exactly as sent (no GLOBAL_500 on /user/queue/errors)', async () => {
      const token = w.clients.student.cookies.get('accessToken')!;
      const live = await LiveClient.connect(f.server.url, { token });
      await live.join(`/topic/class/${c}/chat`);
      const content = 'a\u0000b \ud800 \ufdd0';
      await live.sent(`/app/chat/${c}/send`, { content });
      expect(live.errorCodes()).toEqual([]);
      await eventually(() => expect(live.messages(`/topic/class/${c}/chat`).map((m) => m.content)).toContain(content));
      const history = await w.clients.student.json('GET', `/api/chat/history?classId=${c}`);
      expect((history.body.data as { messages: { content: string }[] }).messages.map((m) => m.content)).toContain(content);
    });
  });

  describe('2. dates outside 1900-01-01 … 9999-12-30', () => {
    it('answers snapshot date filters outside the range with GLOBAL_411, and an empty valid range with an empty list', async () => {
      const get = (q: string) => w.clients.student.json('GET', q);
      for (const day of ['9999-12-31', '0001-01-01', '0099-12-31', '0100-01-01', '1899-12-31']) {
        expect([day, (await get(`/api/snapshot/read/date?classId=${c}&day=${day}`)).body]).toEqual([day, invalidParam('day', NOT_ALLOWED)]);
      }
      for (const path of ['/api/snapshot/read/date', '/api/snapshot/read/title/date', '/api/snapshot/read/content/date', '/api/snapshot/read/onlytitle/date', '/api/snapshot/read/language/date', '/api/snapshot/read/title/language/date']) {
        const r = await get(`${path}?classId=${c}&title=t&content=c&language=JAVA&startDate=0001-01-01&endDate=9999-12-31`);
        expect([path, r.body]).toEqual([path, invalidParam('startDate', NOT_ALLOWED)]);
      }
      const edges = await get(`/api/snapshot/read/language/date?classId=${c}&language=JAVA&startDate=1900-01-01&endDate=9999-12-30`);
      expect(edges.status).toBe(200);
      const reversed = await get(`/api/snapshot/read/language/date?classId=${c}&language=JAVA&startDate=2030-01-01&endDate=2020-01-01`);
      expect(reversed.body.data).toMatchObject({ content: [], totalElements: 0 });
      expect((await get(`/api/snapshot/read/date?classId=${c}&day=9999-12-30`)).body.code).toBe('SNAPSHOT_007');
    });

    it('answers admin user date filters outside the range with GLOBAL_411', async () => {
      expect((await f.admin.json('GET', '/api/admin/users?startDate=1000-01-01')).body).toEqual(invalidParam('startDate', NOT_ALLOWED));
      expect((await f.admin.json('GET', '/api/admin/users?endDate=9999-12-31')).body).toEqual(invalidParam('endDate', NOT_ALLOWED));
      expect((await f.admin.json('GET', '/api/admin/users?startDate=1900-01-01&endDate=9999-12-30')).status).toBe(200);
      const empty = await f.admin.json('GET', '/api/admin/users?startDate=2030-01-01&endDate=2020-01-01');
      expect(empty.body.data).toMatchObject({ contents: [], totalElements: 0 });
    });

    it('refuses class dates outside the range with GLOBAL_410 on create and edit', async () => {
      const klass = { title: '범위', instructorId: w.instructor.id, isOnline: true, startDate: '2099-01-01', endDate: '9999-12-31', startTime: '09:00', endTime: '10:00' };
      expect((await f.admin.json('POST', '/api/admin/classes/create', { body: klass })).body).toEqual(invalidField('endDate', NOT_ALLOWED));
      expect((await f.admin.json('POST', '/api/admin/classes/create', { body: { ...klass, startDate: '0001-01-01', endDate: '2099-01-01' } })).body).toEqual(invalidField('startDate', NOT_ALLOWED));
      expect((await f.admin.json('POST', `/api/admin/classes/${c}/edit`, { body: { ...klass, startDate: '0001-01-01', endDate: '2099-01-01' } })).body).toEqual(invalidField('startDate', NOT_ALLOWED));
      expect((await f.admin.json('POST', '/api/admin/classes/create', { body: { ...klass, endDate: '9999-12-30' } })).status).toBe(200);
    });
  });

  describe('3. chunked bodies over 1 MiB', () => {
    it('answers 413 GLOBAL_413 to POST /api/snapshot and /api/livekit/webhook instead of resetting the connection', async () => {
      const cookie = `accessToken=${w.clients.student.cookies.get('accessToken')}`;
      const snapshot = await postChunked(`${f.server.url}/api/snapshot`, 1.5 * 1024 * 1024, { cookie, 'content-type': 'application/json' });
      expect([snapshot.status, JSON.parse(snapshot.body).code]).toEqual([413, 'GLOBAL_413']);
      const webhook = await postChunked(`${f.server.url}/api/livekit/webhook`, 3 * 1024 * 1024, { 'content-type': 'application/webhook+json', authorization: 'x' });
      expect([webhook.status, JSON.parse(webhook.body).code]).toEqual([413, 'GLOBAL_413']);
      const small = await postChunked(`${f.server.url}/api/snapshot`, 1024, { cookie, 'content-type': 'application/json' });
      expect([small.status, JSON.parse(small.body).code]).toEqual([400, 'GLOBAL_400']);
    });
  });

  describe('4. Origin exemptions', () => {
    it('lets the compile callback and the LiveKit webhook through a foreign Origin, authenticated by token and signature', async () => {
      const evil = { origin: 'http://evil.example' };
      const callback = await f.anonymous.json('POST', '/api/compile/callback/00000000-0000-4000-8000-000000000000?token=x', { body: { status: 'SUCCESS', output: '' }, headers: evil });
      expect([callback.status, callback.body.code]).toEqual([401, 'COMPILE_011']);
      expect(callback.res.headers.get('access-control-allow-origin')).toBeNull();
      const webhook = await f.anonymous.json('POST', '/api/livekit/webhook', { raw: '{}', headers: { ...evil, 'content-type': 'application/webhook+json' } });
      expect([webhook.status, webhook.body.code]).toEqual([401, 'LIVEKIT_001']);
      expect((await f.anonymous.json('POST', '/api/auth/login', { body: {}, headers: evil })).body.code).toBe('GLOBAL_403');
      expect((await f.anonymous.json('POST', '/api/livekit/webhook/x', { raw: '{}', headers: evil })).body.code).toBe('GLOBAL_403');
    });
  });

  describe('5. snapshot update in a class the caller is not in', () => {
    it('answers 403 CLASS_002, and 404 SNAPSHOT_004 for a class other than the snapshot’s', async () => {
      const student = w.clients.student;
      const created = await student.json('POST', '/api/snapshot', { body: { classId: c, title: 't', content: 'c', language: 'JAVA' } });
      const id = (created.body.data as { snapshotId: number }).snapshotId;
      const foreign = await f.classRoom(w.instructor.id);
      expect((await student.json('POST', `/api/snapshot/update?snapshotId=${id}`, { body: { classId: foreign.id, title: 't', content: 'd' } })).body.code).toBe('CLASS_002');
      await f.enrol(foreign.id, w.student.id);
      expect((await student.json('POST', `/api/snapshot/update?snapshotId=${id}`, { body: { classId: foreign.id, title: 't', content: 'd' } })).body.code).toBe('SNAPSHOT_004');
      expect((await student.json('POST', `/api/snapshot/update?snapshotId=${id}`, { body: { classId: c, title: 't', content: 'd' } })).body.code).toBe('SNAPSHOT_001');
    });
  });

  describe('6. students/assign with a huge list', () => {
    it('refuses more than 1000 ids with GLOBAL_410 before reading them, for assign and unassign', async () => {
      const tooMany = { studentIds: Array.from({ length: 100_000 }, (_, i) => i + 1) };
      for (const action of ['assign', 'delete']) {
        const r = await f.admin.json('POST', `/api/admin/classes/${c}/students/${action}`, { body: tooMany });
        expect([action, r.body]).toEqual([action, invalidField('studentIds', '길이가 올바르지 않습니다')]);
      }
      const r = await f.admin.json('POST', `/api/admin/classes/${c}/students/assign`, { body: { studentIds: Array.from({ length: 1000 }, (_, i) => 9_000_000 + i) } });
      expect(r.body.data).toMatchObject({ totalCount: 1000, successCount: 0 });
    });
  });

  it('logged no unhandled error while answering all of the above', () => {
    expect(counter.errors).toBe(0);
  });
});
