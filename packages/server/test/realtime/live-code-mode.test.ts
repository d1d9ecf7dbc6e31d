import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { castOf, topics, type Actor, type Cast } from './support/cast';
import { closeAllClients, LiveClient } from './support/live-client';
import { eventually } from './support/eventually';

const MAX_CODE = 100;
let server: TestServer;
let cast: Cast;

beforeAll(async () => {
  server = await startTestServer({ env: { SEED_DEMO_DATA: 'true', CODE_SYNC_MAX_CHARS: String(MAX_CODE) } });
  cast = await castOf(server.url);
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  await closeAllClients();
  // every session has left: the live session of class 1 is over (mode cleared)
  await eventually(async () => expect((await cast.admin.http.json('GET', '/api/class/1/count')).body).toEqual({ classId: 1, count: 0 }));
});

const C = 1;
const CODE_KEYS = ['classId', 'userId', 'username', 'code', 'language', 'instructor', 'editedByInstructor'];

async function joined(who: Actor, ...more: string[]): Promise<LiveClient> {
  const client = await LiveClient.connect(server.url, { token: who.token });
  await client.join(topics.chat(C), ...more);
  return client;
}

async function restCode(who: Actor, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await who.http.json('GET', `/api/class/${C}/code/${path}`);
  return { status: r.status, body: r.body };
}

describe('code sync (stomp.md §5.5)', () => {
  it('broadcasts instructor code to the class and stores it for REST', async () => {
    const teacher = await joined(cast.instructor);
    const student = await joined(cast.student1, topics.instructorCode(C));
    teacher.send('/app/code/instructor/1', { code: 'class Main {}', language: 'python' });
    teacher.send('/app/code/instructor/1', { code: '' });
    const expected = { classId: 1, userId: cast.instructor.id, username: '이강사', code: 'class Main {}', language: 'python', instructor: true, editedByInstructor: false };
    await eventually(() => expect(student.messages(topics.instructorCode(C))).toEqual([expected, { ...expected, code: '', language: 'java' }]));
    expect(Object.keys(student.messages(topics.instructorCode(C))[0]!)).toEqual(CODE_KEYS);
    expect(await restCode(cast.student2, 'instructor')).toEqual({ status: 200, body: { userId: cast.instructor.id, code: '', language: 'java', empty: false } });
  });

  it("syncs a student's code to that student's topic, lets the instructor edit it, and serves it over REST", async () => {
    expect(await restCode(cast.instructor, `student/${cast.student2.id}`)).toEqual({ status: 200, body: { userId: null, code: null, language: null, empty: true } });
    const teacher = await joined(cast.instructor, topics.studentCode(C, cast.student1.id));
    const student = await joined(cast.student1, topics.studentCode(C, cast.student1.id));
    const classmate = await joined(cast.student2, topics.instructorCode(C));
    student.send('/app/code/student/1', { code: 'int a = 1;' });
    const own = { classId: 1, userId: cast.student1.id, username: '김학생', code: 'int a = 1;', language: 'java', instructor: false, editedByInstructor: false };
    await eventually(() => expect(teacher.messages(topics.studentCode(C, cast.student1.id))).toEqual([own]));
    expect(await restCode(cast.instructor, `student/${cast.student1.id}`)).toEqual({ status: 200, body: { userId: cast.student1.id, code: 'int a = 1;', language: 'java', empty: false } });

    teacher.send(`/app/code/instructor/1/edit/${cast.student1.id}`, { code: 'int a = 2;', language: 'java' });
    const edited = { ...own, username: '이강사', code: 'int a = 2;', instructor: true, editedByInstructor: true };
    await eventually(() => expect(student.messages(topics.studentCode(C, cast.student1.id))).toEqual([own, edited]));
    expect(await restCode(cast.student1, `student/${cast.student1.id}`)).toMatchObject({ status: 200, body: { userId: cast.student1.id, code: 'int a = 2;' } });
    expect(await restCode(cast.admin, `student/${cast.student1.id}`)).toMatchObject({ status: 200, body: { code: 'int a = 2;' } });
    expect((await restCode(cast.student2, `student/${cast.student1.id}`)).body).toMatchObject({ code: 'CLASS_002' });
    expect(await restCode(cast.instructor, `student/${cast.outsider.id}`)).toMatchObject({ status: 404, body: { code: 'PART_001' } });
    await classmate.sent('/app/chat/1/typing', {});
    expect(classmate.messages(topics.instructorCode(C))).toEqual([]);
  });

  it('enforces roles and payload rules', async () => {
    const teacher = await joined(cast.instructor);
    const student = await joined(cast.student1);
    await student.sent('/app/code/instructor/1', { code: 'x' });
    await student.sent(`/app/code/instructor/1/edit/${cast.student2.id}`, { code: 'x' });
    await student.sent('/app/code/student/1', {});
    await student.sent('/app/code/student/1', { code: 7 });
    await student.sent('/app/code/student/1', { code: 'x', language: 'l'.repeat(33) });
    await student.sent('/app/code/student/1', { code: 'x'.repeat(MAX_CODE + 1) });
    await student.sent('/app/code/student/1', { code: 'x'.repeat(MAX_CODE) });
    expect(student.errorCodes()).toEqual(['CLASS_012', 'CLASS_012', 'GLOBAL_410', 'GLOBAL_410', 'GLOBAL_410', 'VALID_004']);
    expect(student.errors()[2]).toMatchObject({ status: 400, message: '입력값 검증에 실패했습니다 - code: 필수 값입니다' });
    expect(await restCode(cast.instructor, `student/${cast.student1.id}`)).toMatchObject({ body: { code: 'x'.repeat(MAX_CODE) } });

    await teacher.sent('/app/code/student/1', { code: 'x' });
    await teacher.sent(`/app/code/instructor/1/edit/${cast.outsider.id}`, { code: 'x' });
    await teacher.sent('/app/code/instructor/1', { code: 'x'.repeat(MAX_CODE + 1) });
    expect(teacher.errorCodes()).toEqual(['CLASS_002', 'PART_001', 'VALID_004']);
  });
});

describe('live mode (stomp.md §5.6)', () => {
  it('is instructor-only, accepts the READ/FREE aliases, broadcasts the wire value every time, and shows in REST', async () => {
    const teacher = await joined(cast.instructor, topics.mode(C));
    const student = await joined(cast.student1, topics.mode(C));
    await student.sent('/app/class/1/mode', { mode: 'VIEW_ONLY' });
    expect(student.errorCodes()).toEqual(['CLASS_012']);
    for (const mode of ['READ', 'VIEW_ONLY', 'FREE', 'FREE_PRACTICE']) teacher.send('/app/class/1/mode', { mode });
    await eventually(() =>
      expect(student.messages(topics.mode(C))).toEqual([{ mode: 'VIEW_ONLY' }, { mode: 'VIEW_ONLY' }, { mode: 'FREE_PRACTICE' }, { mode: 'FREE_PRACTICE' }]),
    );
    for (const mode of ['view_only', 'Read', 1, null]) await teacher.sent('/app/class/1/mode', { mode });
    expect(teacher.errorCodes()).toEqual(['GLOBAL_410', 'GLOBAL_410', 'GLOBAL_410', 'GLOBAL_410']);
    expect(teacher.errors()[0]).toMatchObject({ message: '입력값 검증에 실패했습니다 - mode: 허용되지 않는 값입니다' });
    expect(student.messages(topics.mode(C))).toHaveLength(4);

    await teacher.sent('/app/class/1/mode', { mode: 'READ' });
    expect((await cast.student1.http.json('GET', '/api/class/1')).body.data).toMatchObject({ mode: 'READ' });
  });

  it('VIEW_ONLY blocks student code (CLASS_011) but not the instructor edit', async () => {
    const teacher = await joined(cast.instructor, topics.studentCode(C, cast.student1.id));
    const student = await joined(cast.student1);
    await teacher.sent('/app/class/1/mode', { mode: 'VIEW_ONLY' });
    await student.sent('/app/code/student/1', { code: 'blocked' });
    expect(student.errorCodes()).toEqual(['CLASS_011']);
    await teacher.sent(`/app/code/instructor/1/edit/${cast.student1.id}`, { code: 'by teacher' });
    await teacher.sent('/app/class/1/mode', { mode: 'FREE_PRACTICE' });
    await student.sent('/app/code/student/1', { code: 'free again' });
    expect(student.errorCodes()).toEqual(['CLASS_011']);
    await eventually(() => expect(teacher.messages(topics.studentCode(C, cast.student1.id)).map((m) => m.code)).toEqual(['by teacher', 'free again']));
  });

  it('sends a late joiner the mode snapshot on its subscription only, and forgets the mode when the last participant leaves', async () => {
    const teacher = await joined(cast.instructor);
    const early = await joined(cast.student1, topics.mode(C));
    await early.sent('/app/chat/1/typing', {});
    expect(early.messages(topics.mode(C))).toEqual([]); // nothing set yet: no snapshot
    await teacher.sent('/app/class/1/mode', { mode: 'READ' });
    await eventually(() => expect(early.messages(topics.mode(C))).toEqual([{ mode: 'VIEW_ONLY' }]));

    const late = await joined(cast.student2, topics.mode(C));
    const [second] = await late.subscribed(topics.mode(C));
    expect(late.messages(topics.mode(C))).toEqual([{ mode: 'VIEW_ONLY' }, { mode: 'VIEW_ONLY' }]);
    expect(late.onSubscription(second!)).toEqual([{ mode: 'VIEW_ONLY' }]);
    expect(early.messages(topics.mode(C))).toEqual([{ mode: 'VIEW_ONLY' }]);

    await closeAllClients();
    await eventually(async () => expect((await cast.admin.http.json('GET', '/api/class/1/count')).body).toMatchObject({ count: 0 }));
    expect((await cast.student1.http.json('GET', '/api/class/1')).body.data).toMatchObject({ mode: 'FREE' });
    const next = await joined(cast.student1, topics.mode(C));
    await next.sent('/app/chat/1/typing', {});
    expect(next.messages(topics.mode(C))).toEqual([]);
    const student = await joined(cast.student2);
    await student.sent('/app/code/student/1', { code: 'free' });
    expect(student.errors()).toEqual([]);
  });
});
