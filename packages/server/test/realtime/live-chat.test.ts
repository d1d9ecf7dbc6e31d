import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { castOf, createClass, topics, type Actor, type Cast } from './support/cast';
import { closeAllClients, LiveClient } from './support/live-client';
import { eventually } from './support/eventually';

let server: TestServer;
let cast: Cast;

beforeAll(async () => {
  server = await startTestServer({ env: { SEED_DEMO_DATA: 'true' } });
  cast = await castOf(server.url);
});
afterAll(async () => {
  await server?.stop();
});
afterEach(closeAllClients);

const C = 1;
const DELETED = '삭제된 메시지입니다.';
const DTO_KEYS = ['chatId', 'classId', 'userId', 'username', 'content', 'type', 'createdAt', 'replyToChatId', 'replyToUsername', 'replyToContent', 'deleted', 'reactionCount'];
type Dto = Record<string, unknown> & { chatId: number };

/** Connects `who` and joins class `c` with the chat topic (plus the error queue). */
async function joined(who: Actor, c = C, ...more: string[]): Promise<LiveClient> {
  const client = await LiveClient.connect(server.url, { token: who.token });
  await client.join(topics.chat(c), ...more);
  return client;
}

async function history(who: Actor, c = C): Promise<Dto[]> {
  const r = await who.http.json('GET', `/api/chat/history?classId=${c}`);
  expect(r.status).toBe(200);
  expect(r.body.code).toBe('CHAT_001');
  return (r.body.data as { messages: Dto[] }).messages;
}

/** Waits for the chat message whose content is `content` on `client`. */
async function chatNamed(client: LiveClient, content: string, c = C): Promise<Dto> {
  let found: Dto | undefined;
  await eventually(() => {
    found = client.messages(topics.chat(c)).find((m) => m.type === 'CHAT' && m.content === content) as Dto | undefined;
    expect(found).toBeDefined();
  });
  return found!;
}

describe('chat over STOMP (stomp.md §5.4)', () => {
  it('delivers a message to every member, stores it exactly as sent, and lists it in the history', async () => {
    const [student, teacher] = [await joined(cast.student1), await joined(cast.instructor)];
    student.send('/app/chat/1/send', { content: ' 안녕하세요 ' });
    const seenByTeacher = await chatNamed(teacher, ' 안녕하세요 ');
    const seenByStudent = await chatNamed(student, ' 안녕하세요 ');
    expect(seenByStudent).toEqual(seenByTeacher);
    expect(Object.keys(seenByTeacher)).toEqual(DTO_KEYS);
    expect(seenByTeacher).toMatchObject({
      classId: 1, userId: cast.student1.id, username: '김학생', type: 'CHAT',
      replyToChatId: null, replyToUsername: null, replyToContent: null, deleted: false, reactionCount: 0,
    });
    expect(seenByTeacher.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?$/);
    expect(await history(cast.student2)).toContainEqual(seenByTeacher);
    // a second chat subscription of the same session gets its own copy
    const second = await student.subscribed(topics.chat(C));
    teacher.send('/app/chat/1/send', { content: '두 번째' });
    await eventually(() => expect(student.onSubscription(second[0]!).map((m) => m.content)).toEqual(['두 번째']));
    expect(student.messages(topics.chat(C)).filter((m) => m.content === '두 번째')).toHaveLength(2);
    const ids = (await history(cast.instructor)).map((m) => m.chatId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('replies copy the target; deletes broadcast a DeleteEvent and keep the row; a reply to a deleted message says so', async () => {
    const [student, teacher] = [await joined(cast.student1), await joined(cast.instructor)];
    student.send('/app/chat/1/send', { content: '질문 있어요' });
    const question = await chatNamed(teacher, '질문 있어요');
    teacher.send('/app/chat/1/send', { content: '네, 말씀하세요', replyToChatId: question.chatId });
    const answer = await chatNamed(student, '네, 말씀하세요');
    expect(answer).toMatchObject({ replyToChatId: question.chatId, replyToUsername: '김학생', replyToContent: '질문 있어요', userId: cast.instructor.id, username: '이강사' });

    await teacher.sent('/app/chat/1/delete', { chatId: question.chatId });
    expect(teacher.errorCodes()).toEqual(['CHAT_005']); // not the author
    student.send('/app/chat/1/delete', { chatId: question.chatId });
    await eventually(() => expect(teacher.messages(topics.chat(C))).toContainEqual({ chatId: question.chatId, classId: 1, type: 'DELETE' }));
    const stored = (await history(cast.instructor)).find((m) => m.chatId === question.chatId);
    expect(stored).toMatchObject({ deleted: true, content: DELETED, userId: cast.student1.id });
    expect((await history(cast.instructor)).find((m) => m.chatId === answer.chatId)).toMatchObject({ replyToContent: '질문 있어요' });

    teacher.send('/app/chat/1/send', { content: '지워진 질문에 답장', replyToChatId: question.chatId });
    expect(await chatNamed(student, '지워진 질문에 답장')).toMatchObject({ replyToContent: DELETED, replyToUsername: '김학생' });
    await student.sent('/app/chat/1/delete', { chatId: question.chatId });
    await student.sent('/app/chat/1/delete', { chatId: 987_654 });
    await student.sent('/app/chat/1/delete', {});
    await student.sent('/app/chat/1/delete', { chatId: '12' });
    expect(student.errorCodes()).toEqual(['CHAT_005', 'CHAT_004', 'GLOBAL_410', 'GLOBAL_410']);
  });

  it('reactions toggle over STOMP and REST with counts, reactors and reacted', async () => {
    const [student, teacher, other] = [await joined(cast.student1), await joined(cast.instructor), await joined(cast.student2)];
    student.send('/app/chat/1/send', { content: '좋아요 눌러 주세요' });
    const target = await chatNamed(teacher, '좋아요 눌러 주세요');
    const reactions = () => student.messages(topics.chat(C)).filter((m) => m.type === 'REACTION' && m.chatId === target.chatId).map((m) => m.count);
    other.send('/app/chat/1/reaction', { chatId: target.chatId });
    await eventually(() => expect(reactions()).toEqual([1]));
    teacher.send('/app/chat/1/reaction', { chatId: target.chatId });
    await eventually(() => expect(reactions()).toEqual([1, 2]));
    expect(student.messages(topics.chat(C)).at(-1)).toEqual({ chatId: target.chatId, classId: 1, count: 2, type: 'REACTION' });

    const rest = await cast.student1.http.json('POST', '/api/chat/reaction', { body: { chatId: target.chatId } });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ code: 'CHAT_000', data: { chatId: target.chatId, classId: 1, count: 3, type: 'REACTION' } });
    await eventually(() => expect(reactions()).toEqual([1, 2, 3]));
    const reactors = await cast.instructor.http.json('GET', `/api/chat/${target.chatId}/reactions`);
    const expected = [cast.instructor, cast.student1, cast.student2].map((a) => a.id).sort((a, b) => a - b);
    expect((reactors.body.data as { userId: number }[]).map((r) => r.userId)).toEqual(expected);
    expect(reactors.body.data).toContainEqual({ userId: cast.student2.id, username: '박학생' });

    other.send('/app/chat/1/reaction', { chatId: target.chatId }); // toggles off
    await eventually(() => expect(reactions()).toEqual([1, 2, 3, 2]));
    expect((await cast.student2.http.json('GET', `/api/chat/${target.chatId}/reacted`)).body.data).toBe(false);
    expect((await cast.student1.http.json('GET', `/api/chat/${target.chatId}/reacted`)).body.data).toBe(true);
    expect((await history(cast.student1)).find((m) => m.chatId === target.chatId)?.reactionCount).toBe(2);

    await student.sent('/app/chat/1/delete', { chatId: target.chatId });
    await other.sent('/app/chat/1/reaction', { chatId: target.chatId });
    await other.sent('/app/chat/1/reaction', { chatId: 987_654 });
    expect(other.errorCodes()).toEqual(['CHAT_005', 'CHAT_004']);
    const restDeleted = await cast.student2.http.json('POST', '/api/chat/reaction', { body: { chatId: target.chatId } });
    expect([restDeleted.status, restDeleted.body.code]).toEqual([403, 'CHAT_005']);
    const restOutsider = await cast.outsider.http.json('POST', '/api/chat/reaction', { body: { chatId: target.chatId } });
    expect([restOutsider.status, restOutsider.body.code]).toEqual([403, 'CLASS_002']);
  });

  it('rejects bad content and reply targets with the contract codes, and stores nothing', async () => {
    const [writer, otherClass] = [await joined(cast.student2), await joined(cast.student1, cast.otherClassId)];
    otherClass.send(`/app/chat/${cast.otherClassId}/send`, { content: '다른 반 메시지' });
    const foreign = await chatNamed(otherClass, '다른 반 메시지', cast.otherClassId);
    const before = (await history(cast.instructor)).length;
    for (const body of [{}, { content: null }, { content: ' \n\t ' }, { content: 'ㄱ'.repeat(501) }, { content: 42 }, { content: 'x', replyToChatId: 987_654 }, { content: 'x', replyToChatId: foreign.chatId }, { content: 'x', replyToChatId: 'abc' }]) {
      await writer.sent('/app/chat/1/send', body);
    }
    expect(writer.errorCodes()).toEqual(['CHAT_007', 'CHAT_007', 'CHAT_007', 'CHAT_008', 'GLOBAL_410', 'CHAT_004', 'CHAT_005', 'GLOBAL_410']);
    expect(writer.errors()[4]).toMatchObject({ status: 400, message: expect.stringMatching(/^입력값 검증에 실패했습니다 - content: /) });
    expect((await history(cast.instructor)).length).toBe(before);
    await writer.sent('/app/chat/1/reaction', { chatId: foreign.chatId });
    await writer.sent('/app/chat/1/delete', { chatId: foreign.chatId });
    expect(writer.errorCodes().slice(-2)).toEqual(['CHAT_005', 'CHAT_005']);
    writer.send('/app/chat/1/send', { content: 'ㄴ'.repeat(500) });
    await chatNamed(writer, 'ㄴ'.repeat(500));
  });

  it('broadcasts typing to every subscriber, the sender included; a missing flag means false', async () => {
    const [student, teacher] = [await joined(cast.student1, C, topics.typing(C)), await joined(cast.instructor, C, topics.typing(C))];
    student.send('/app/chat/1/typing', { classId: 999, typing: true });
    student.send('/app/chat/1/typing', {});
    const expected = [
      { classId: 1, userId: cast.student1.id, username: '김학생', typing: true },
      { classId: 1, userId: cast.student1.id, username: '김학생', typing: false },
    ];
    await eventually(() => expect(teacher.messages(topics.typing(C))).toEqual(expected));
    await eventually(() => expect(student.messages(topics.typing(C))).toEqual(expected));
  });

  it('floods: the 11th send within 10 s of one user in one class is GLOBAL_429 and is not stored', async () => {
    const classId = await createClass(cast.admin.http, cast.instructor.id, [cast.student2.id], '채팅 도배');
    const writer = await joined(cast.student2, classId);
    for (let i = 1; i <= 11; i++) await writer.sent(`/app/chat/${classId}/send`, { content: `도배 ${i}` });
    expect(writer.errorCodes()).toEqual(['GLOBAL_429']);
    expect(writer.errors()[0]).toMatchObject({ status: 429, data: { command: 'SEND', destination: `/app/chat/${classId}/send` } });
    expect((await history(cast.instructor, classId)).map((m) => m.content)).toEqual(Array.from({ length: 10 }, (_, i) => `도배 ${i + 1}`));
  });
});
