import { RawStompClient } from '../../../adapters/test/stomp/support/raw-stomp-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StompEndpoint } from '@sooscode/adapters/stomp/index';
import { TOKENS } from '../../src/tokens';
import { startTestServer, type TestServer } from '../support/test-server';
import { castOf, createClass, topics, type Actor, type Cast } from './support/cast';
import { closeAllClients, LiveClient } from './support/live-client';
import { eventually } from './support/eventually';

let server: TestServer;
let cast: Cast;
const raws: RawStompClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: { SEED_DEMO_DATA: 'true' } });
  cast = await castOf(server.url);
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  for (const raw of raws.splice(0)) raw.terminate();
  await closeAllClients();
});

type ParticipantsResponse = { classId: string; participants: { userId: number; username: string; instructor: boolean; joinedAt: string; video: boolean }[]; totalCount: number; studentCount: number };

/** A fresh class taught by the demo instructor with both demo students enrolled. */
const freshClass = (title: string) => createClass(cast.admin.http, cast.instructor.id, [cast.student1.id, cast.student2.id], title);

async function joined(who: Actor, c: number, ...more: string[]): Promise<LiveClient> {
  const client = await LiveClient.connect(server.url, { token: who.token });
  await client.join(topics.chat(c), ...more);
  return client;
}

async function rest(c: number): Promise<{ participants: ParticipantsResponse; count: unknown; students: unknown }> {
  const http = cast.admin.http;
  const [p, n, s] = await Promise.all([http.json('GET', `/api/class/${c}/participants`), http.json('GET', `/api/class/${c}/count`), http.json('GET', `/api/class/${c}/students`)]);
  return { participants: p.body as unknown as ParticipantsResponse, count: n.body, students: s.body };
}

const ids = (r: ParticipantsResponse | Record<string, unknown> | undefined) => (r as ParticipantsResponse).participants.map((p) => p.userId);

describe('presence (stomp.md §4)', () => {
  it('joins on the first chat SUBSCRIBE, snapshots the list, ignores second sessions and UNSUBSCRIBE, and leaves on DISCONNECT', async () => {
    const c = await freshClass('출석');
    const teacher = await joined(cast.instructor, c, topics.participants(c));
    const lists = () => teacher.messages(topics.participants(c));
    expect(lists()).toEqual([{ classId: String(c), participants: [expect.objectContaining({ userId: cast.instructor.id })], totalCount: 1, studentCount: 0 }]);

    const student = await joined(cast.student1, c);
    await eventually(() => expect(lists().map(ids)).toEqual([[cast.instructor.id], [cast.instructor.id, cast.student1.id]]));
    const list = lists()[1] as ParticipantsResponse;
    expect(list.participants[1]).toEqual({ userId: cast.student1.id, username: '김학생', instructor: false, joinedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/), video: false });
    expect(list).toMatchObject({ totalCount: 2, studentCount: 1 });
    const r = await rest(c);
    expect(r.participants).toEqual(list);
    expect(r.count).toEqual({ classId: c, count: 2 });
    expect(r.students).toEqual([list.participants[1]]);

    // a second session of the same user, a second chat subscription, and an UNSUBSCRIBE change nothing
    const again = await joined(cast.student1, c);
    const [extra] = await student.subscribed(topics.chat(c));
    student.unsubscribe(extra!);
    await teacher.sent(`/app/chat/${c}/typing`, {});
    expect(lists()).toHaveLength(2);
    expect((await rest(c)).count).toEqual({ classId: c, count: 2 });

    // DISCONNECT of one of the two sessions: still present; of the last: gone
    const endpoint = server.container.get<StompEndpoint>(TOKENS.StompEndpoint);
    const open = endpoint.sessionCount;
    await again.close();
    await eventually(() => expect(endpoint.sessionCount).toBe(open - 1)); // its leave has been processed
    await teacher.sent(`/app/chat/${c}/typing`, {});
    expect(lists()).toHaveLength(2);
    await student.close();
    await eventually(() => expect(lists().map(ids)).toEqual([[cast.instructor.id], [cast.instructor.id, cast.student1.id], [cast.instructor.id]]));
    expect((await rest(c)).count).toEqual({ classId: c, count: 1 });
  });

  it('UNSUBSCRIBE of every chat subscription keeps the user present; a dropped transport is leaving', async () => {
    const c = await freshClass('끊김');
    const teacher = await joined(cast.instructor, c, topics.participants(c));
    const student = await joined(cast.student2, c);
    const [chatId] = await student.subscribed(topics.chat(c));
    student.client.unsubscribe(chatId!);
    await student.sent(`/app/chat/${c}/typing`, {}); // still joined: no CLASS_009
    expect(student.errors()).toEqual([]);
    expect((await rest(c)).count).toEqual({ classId: c, count: 2 });

    const raw = await RawStompClient.open(`${server.url.replace('http', 'ws')}/ws`);
    raws.push(raw);
    raw.connectFrame({ Authorization: `Bearer ${cast.student1.token}` });
    raw.sendFrame('SUBSCRIBE', { id: 'c', destination: topics.chat(c), receipt: 'joined' });
    await eventually(() => expect(raw.commands()).toEqual(['CONNECTED', 'RECEIPT']));
    await eventually(() => expect(teacher.messages(topics.participants(c)).at(-1)).toMatchObject({ totalCount: 3 }));
    raw.terminate();
    await eventually(() => expect(teacher.messages(topics.participants(c)).at(-1)).toMatchObject({ totalCount: 2 }));
    expect(ids(teacher.messages(topics.participants(c)).at(-1))).toEqual([cast.instructor.id, cast.student2.id]);
  });
});

describe('kick (stomp.md §5.8)', () => {
  it('tells only the target, detaches all its sessions, bans it, and broadcasts the list', async () => {
    const c = await freshClass('퇴장');
    const teacher = await joined(cast.instructor, c, topics.participants(c));
    const target = await joined(cast.student1, c, '/user/queue/system', topics.system(c), topics.participants(c));
    const targetTab = await joined(cast.student1, c, '/user/queue/system');
    const bystander = await joined(cast.student2, c, '/user/queue/system');
    const kick = await cast.instructor.http.request('POST', `/api/class/${c}/kick/${cast.student1.id}?reason=${encodeURIComponent('수업 방해')}`);
    expect([kick.status, await kick.text()]).toEqual([200, '']);

    const kicked = { type: 'KICKED', classId: c, message: '수업 방해' };
    await eventually(() => expect(target.messages('/user/queue/system')).toEqual([kicked]));
    await eventually(() => expect(targetTab.messages('/user/queue/system')).toEqual([kicked]));
    await eventually(() => expect(ids(teacher.messages(topics.participants(c)).at(-1))).toEqual([cast.instructor.id, cast.student2.id]));
    expect(target.messages(topics.system(c))).toEqual([]);

    const seenBefore = target.received.length;
    await teacher.sent(`/app/chat/${c}/send`, { content: '퇴장 후 메시지' });
    await eventually(() => expect(bystander.messages(topics.chat(c)).map((m) => m.content)).toContain('퇴장 후 메시지'));
    await target.sent(`/app/chat/${c}/send`, { content: '돌아왔어요' });
    await target.sent(`/app/chat/${c}/send`, { content: '돌아왔어요' });
    await target.withReceipt((receipt) => target.subscribe(topics.chat(c), { receipt }));
    await target.withReceipt((receipt) => target.subscribe(topics.participants(c), { receipt }));
    expect(target.received.slice(seenBefore).filter((m) => m.destination !== '/user/queue/errors')).toEqual([]);
    expect(target.errorCodes()).toEqual(['CLASS_010', 'CLASS_010', 'CLASS_010', 'CLASS_010']);
    expect(target.isConnected).toBe(true);
    expect(bystander.messages('/user/queue/system')).toEqual([]);
    const history = await cast.instructor.http.json('GET', `/api/chat/history?classId=${c}`);
    const chatId = (history.body.data as { messages: { chatId: number }[] }).messages[0]!.chatId;
    const reaction = await cast.student1.http.json('POST', '/api/chat/reaction', { body: { chatId } });
    expect([reaction.status, reaction.body.code]).toEqual([403, 'CLASS_010']);

    const again = await cast.instructor.http.request('POST', `/api/class/${c}/kick/${cast.student2.id}`);
    expect(again.status).toBe(200);
    await eventually(() => expect(bystander.messages('/user/queue/system')).toEqual([{ type: 'KICKED', classId: c, message: '강사에 의해 퇴장되었습니다.' }]));
  });

  it('refuses kicks by students, of the instructor, and of non-students', async () => {
    const c = await freshClass('퇴장 오류');
    const codes = async (who: Actor, target: number) => (await who.http.json('POST', `/api/class/${c}/kick/${target}`)).body.code;
    expect(await codes(cast.student1, cast.student2.id)).toBe('CLASS_012');
    expect(await codes(cast.instructor, cast.instructor.id)).toBe('PART_004');
    expect(await codes(cast.instructor, cast.outsider.id)).toBe('PART_001');
    expect(await codes(cast.otherInstructor, cast.student1.id)).toBe('CLASS_002');
  });
});

describe('end (stomp.md §5.7) and unassign (§5.9)', () => {
  it('announces the end, empties the list, detaches everyone, clears live state, keeps chat, and allows a new live session', async () => {
    const c = await freshClass('종료');
    const teacher = await joined(cast.instructor, c, topics.system(c), topics.participants(c), topics.mode(c), topics.instructorCode(c));
    const student = await joined(cast.student1, c, topics.system(c), topics.participants(c), topics.instructorCode(c));
    await teacher.sent(`/app/class/${c}/mode`, { mode: 'VIEW_ONLY' });
    await teacher.sent(`/app/code/instructor/${c}`, { code: 'shared' });
    await student.sent(`/app/chat/${c}/send`, { content: '끝나기 전' });
    const kick = await cast.instructor.http.request('POST', `/api/class/${c}/kick/${cast.student2.id}`);
    expect(kick.status).toBe(200);

    const end = await cast.instructor.http.request('POST', `/api/class/${c}/end`);
    expect([end.status, await end.text()]).toEqual([200, '']);
    const ended = { type: 'CLASS_ENDED', classId: c, message: '수업이 종료되었습니다.' };
    const empty = { classId: String(c), participants: [], totalCount: 0, studentCount: 0 };
    await eventually(() => expect(student.messages(topics.participants(c)).at(-1)).toEqual(empty));
    expect(student.messages(topics.system(c))).toEqual([ended]);
    const order = student.log.filter((l) => l.includes(`/topic/class/${c}/`));
    expect(order.slice(-2)).toEqual([`MESSAGE ${topics.system(c)}`, `MESSAGE ${topics.participants(c)}`]);

    expect((await rest(c)).count).toEqual({ classId: c, count: 0 });
    expect((await cast.instructor.http.json('GET', `/api/class/${c}`)).body.data).toMatchObject({ mode: 'FREE' });
    expect((await cast.student1.http.json('GET', `/api/class/${c}/code/instructor`)).body).toMatchObject({ empty: true });
    const history = await cast.student1.http.json('GET', `/api/chat/history?classId=${c}`);
    expect((history.body.data as { messages: { content: string }[] }).messages.map((m) => m.content)).toEqual(['끝나기 전']);

    // old sessions are open but detached and no longer joined
    const seen = student.received.length;
    await student.sent(`/app/chat/${c}/send`, { content: '아직 있나요' });
    expect(student.errorCodes()).toEqual(['CLASS_009']);
    expect(teacher.isConnected && student.isConnected).toBe(true);

    // members join again: a new, empty live session (the kick ban is gone too)
    const returning = await joined(cast.student2, c, topics.mode(c), topics.participants(c));
    expect(returning.messages(topics.mode(c))).toEqual([]);
    expect(ids(returning.messages(topics.participants(c)).at(-1))).toEqual([cast.student2.id]);
    await returning.sent(`/app/chat/${c}/send`, { content: '다시 시작' });
    await student.sent(`/app/chat/${c}/typing`, {});
    expect(student.received.slice(seen).filter((m) => m.destination !== '/user/queue/errors')).toEqual([]);
    await student.join(topics.chat(c));
    await eventually(async () => expect((await rest(c)).count).toEqual({ classId: c, count: 2 }));
  });

  it('an admin class delete ends the live session like POST /end; the class then refuses subscriptions (CLASS_008)', async () => {
    const c = await freshClass('관리자 삭제');
    const student = await joined(cast.student1, c, topics.system(c), topics.participants(c));
    const r = await cast.admin.http.json('POST', `/api/admin/classes/${c}/delete`);
    expect(r.status).toBe(200);
    await eventually(() => expect(student.messages(topics.participants(c)).at(-1)).toEqual({ classId: String(c), participants: [], totalCount: 0, studentCount: 0 }));
    expect(student.messages(topics.system(c))).toEqual([{ type: 'CLASS_ENDED', classId: c, message: '수업이 종료되었습니다.' }]);
    await student.withReceipt((receipt) => student.subscribe(topics.chat(c), { receipt }));
    expect(student.errorCodes()).toEqual(['CLASS_008']);
  });

  it('detaches an unassigned student without KICKED and without a ban', async () => {
    const c = await freshClass('배정 해제');
    const teacher = await joined(cast.instructor, c, topics.participants(c));
    const student = await joined(cast.student2, c, '/user/queue/system');
    const r = await cast.admin.http.json('POST', `/api/admin/classes/${c}/students/delete`, { body: { studentIds: [cast.student2.id] } });
    expect(r.status).toBe(200);
    await eventually(() => expect(ids(teacher.messages(topics.participants(c)).at(-1))).toEqual([cast.instructor.id]));
    const seen = student.received.length;
    await teacher.sent(`/app/chat/${c}/send`, { content: '배정 해제 이후' });
    await student.sent(`/app/chat/${c}/typing`, {});
    expect(student.errorCodes()).toEqual(['CLASS_002']);
    expect(student.received.slice(seen).map((m) => m.destination)).toEqual(['/user/queue/errors']);
    expect(student.messages('/user/queue/system')).toEqual([]);
  });
});
