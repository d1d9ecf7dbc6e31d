import { describe, expect, it } from 'vitest';
import {
  AnnounceTyping, CHAT_FLOOD_MAX, ChatFloodLimit, DeleteChatMessage, LiveClassGate, PostChatMessage, ToggleChatReaction,
  type ChatDraft, type ChatEvent, DetailReason, domainError, err, invalidField, ok,
} from '../../src/index';
import { ClassroomMother, RecordingRoomBroadcaster } from '@sooscode/domain/testing';
import { InMemoryAttemptCounter, InMemoryChatRepository } from '@sooscode/adapters/memory';
import { liveWorld } from '../classroom/live-world';

async function chatWorld() {
  const w = await liveWorld();
  const chats = new InMemoryChatRepository();
  const broadcaster = new RecordingRoomBroadcaster<ChatEvent>();
  const post = new PostChatMessage(chats, new ChatFloodLimit(new InMemoryAttemptCounter(w.clock)), broadcaster, w.clock);
  const gate = new LiveClassGate(w.access, w.kickBans);
  const sender = { userId: w.student.id, name: '김학생' };
  const send = (draft: ChatDraft, classId = w.room.id, by = sender) => post.execute({ classId, sender: by, draft });
  const text = (content: string | null, replyToChatId: number | null = null): ChatDraft => ({ content: ok(content), replyToChatId: ok(replyToChatId) });
  return { ...w, chats, broadcaster, post, gate, sender, send, text };
}

describe('PostChatMessage (stomp.md §5.4)', () => {
  it('stores the message and publishes it to the class', async () => {
    const w = await chatWorld();
    const posted = await w.send(w.text('안녕하세요'));
    expect(posted.ok).toBe(true);
    const message = posted.ok ? posted.value : null;
    expect(message).toMatchObject({ classId: w.room.id, userId: w.student.id, username: '김학생', content: '안녕하세요', replyToChatId: null });
    expect(w.broadcaster.published).toEqual([{ type: 'chat-posted', classId: w.room.id, message }]);
  });

  it('refuses the 11th send of a user in a class within 10 s (GLOBAL_429), stores and publishes nothing for it', async () => {
    const w = await chatWorld();
    for (let i = 1; i <= CHAT_FLOOD_MAX; i++) expect((await w.send(w.text(`도배 ${i}`))).ok).toBe(true);
    expect(await w.send(w.text('한 번 더'))).toEqual(err(domainError('GLOBAL_429')));
    expect(w.broadcaster.published).toHaveLength(CHAT_FLOOD_MAX);
    expect((await w.chats.history(w.room.id, 50)).total).toBe(CHAT_FLOOD_MAX);
    // another user, or the same user in another class, has an allowance of its own; the window ends after 10 s
    expect((await w.send(w.text('다른 사람'), w.room.id, { userId: w.other.id, name: '박학생' })).ok).toBe(true);
    const other = await w.classes.create(ClassroomMother.runningNow(w.instructor.id, w.clock.now()));
    expect((await w.send(w.text('다른 반'), other.id)).ok).toBe(true);
    w.clock.advance(10_000);
    expect((await w.send(w.text('다시'))).ok).toBe(true);
  });

  it('counts every attempt: the flood check comes before every other check', async () => {
    const w = await chatWorld();
    const wrongType = err(invalidField('content', DetailReason.format));
    const malformed: ChatDraft = { content: wrongType, replyToChatId: ok(null) };
    for (let i = 0; i < CHAT_FLOOD_MAX; i++) expect(await w.send(i % 2 ? malformed : w.text(' '))).toEqual(i % 2 ? wrongType : err(domainError('CHAT_007')));
    expect(await w.send(malformed)).toEqual(err(domainError('GLOBAL_429')));
    expect(await w.send(w.text(' '))).toEqual(err(domainError('GLOBAL_429')));
  });

  it('checks content and reply target in order: blank CHAT_007, too long CHAT_008, unknown CHAT_004, other class CHAT_005', async () => {
    const w = await chatWorld();
    const other = await w.classes.create(ClassroomMother.runningNow(w.instructor.id, w.clock.now()));
    const foreign = await w.send(w.text('다른 반 메시지'), other.id);
    const foreignId = foreign.ok ? foreign.value.id : 0;
    w.broadcaster.published.length = 0;
    expect(await w.send(w.text(null))).toEqual(err(domainError('CHAT_007')));
    expect(await w.send(w.text(' \n\t '))).toEqual(err(domainError('CHAT_007')));
    expect(await w.send(w.text('ㄱ'.repeat(501)))).toEqual(err(domainError('CHAT_008')));
    expect(await w.send(w.text(' ', 987_654))).toEqual(err(domainError('CHAT_007')));
    // a reply target of the wrong JSON type is answered after the content checks, before the lookups
    const badReply = err(invalidField('replyToChatId', DetailReason.format));
    expect(await w.send({ content: ok(' '), replyToChatId: badReply })).toEqual(err(domainError('CHAT_007')));
    expect(await w.send({ content: ok('ㄱ'.repeat(501)), replyToChatId: badReply })).toEqual(err(domainError('CHAT_008')));
    expect(await w.send({ content: ok('x'), replyToChatId: badReply })).toEqual(badReply);
    expect(await w.send(w.text('x', 987_654))).toEqual(err(domainError('CHAT_004')));
    expect(await w.send(w.text('x', foreignId))).toEqual(err(domainError('CHAT_005')));
    expect(w.broadcaster.published).toEqual([]);
    w.clock.advance(10_000); // a new flood window
    const target = await w.send(w.text('원문'));
    const reply = await w.send(w.text('ㄴ'.repeat(500), target.ok ? target.value.id : 0));
    expect(reply.ok && reply.value).toMatchObject({ replyToUsername: '김학생', replyToContent: '원문', content: 'ㄴ'.repeat(500) });
  });
});

describe('DeleteChatMessage (stomp.md §5.4)', () => {
  it('soft-deletes the author\'s message and publishes the deletion; refuses unknown (CHAT_004), foreign, not own or deleted (CHAT_005)', async () => {
    const w = await chatWorld();
    const del = new DeleteChatMessage(w.chats, w.broadcaster);
    const posted = await w.send(w.text('지울 메시지'));
    const chatId = posted.ok ? posted.value.id : 0;
    w.broadcaster.published.length = 0;
    expect(await del.execute({ classId: w.room.id, userId: w.other.id, chatId })).toEqual(err(domainError('CHAT_005')));
    expect(await del.execute({ classId: w.room.id + 1, userId: w.student.id, chatId })).toEqual(err(domainError('CHAT_005')));
    expect(await del.execute({ classId: w.room.id, userId: w.student.id, chatId: 987_654 })).toEqual(err(domainError('CHAT_004')));
    expect(w.broadcaster.published).toEqual([]);
    expect(await del.execute({ classId: w.room.id, userId: w.student.id, chatId })).toEqual(ok({ chatId }));
    expect(w.broadcaster.published).toEqual([{ type: 'chat-deleted', classId: w.room.id, chatId }]);
    expect(await del.execute({ classId: w.room.id, userId: w.student.id, chatId })).toEqual(err(domainError('CHAT_005')));
  });
});

describe('ToggleChatReaction (stomp.md §5.4, http.md §5)', () => {
  it('toggles and publishes the count; over STOMP the message must be in the destination\'s class', async () => {
    const w = await chatWorld();
    const toggle = new ToggleChatReaction(w.chats, w.gate, w.broadcaster);
    const posted = await w.send(w.text('반응할 메시지'));
    const chatId = posted.ok ? posted.value.id : 0;
    w.broadcaster.published.length = 0;
    const c = w.room.id;
    const changed = { type: 'chat-reaction-changed', classId: c, chatId };
    expect(await toggle.execute({ caller: w.as(w.other), chatId, classId: c })).toEqual(ok({ ...changed, count: 1 }));
    expect(await toggle.execute({ caller: w.as(w.instructor), chatId })).toEqual(ok({ ...changed, count: 2 }));
    expect(await toggle.execute({ caller: w.as(w.other), chatId, classId: c })).toEqual(ok({ ...changed, count: 1 }));
    expect(w.broadcaster.published).toEqual([{ ...changed, count: 1 }, { ...changed, count: 2 }, { ...changed, count: 1 }]);
    expect(await toggle.execute({ caller: w.as(w.other), chatId, classId: c + 1 })).toEqual(err(domainError('CHAT_005')));
    expect(await toggle.execute({ caller: w.as(w.other), chatId: 987_654, classId: c })).toEqual(err(domainError('CHAT_004')));
  });

  it('over REST passes the membership gate of the message\'s class (CLASS_002, CLASS_010) before the deleted check', async () => {
    const w = await chatWorld();
    const toggle = new ToggleChatReaction(w.chats, w.gate, w.broadcaster);
    const posted = await w.send(w.text('반응할 메시지'));
    const chatId = posted.ok ? posted.value.id : 0;
    await new DeleteChatMessage(w.chats, w.broadcaster).execute({ classId: w.room.id, userId: w.student.id, chatId });
    w.broadcaster.published.length = 0;
    expect(await toggle.execute({ caller: w.as(w.admin), chatId })).toEqual(err(domainError('CLASS_002')));
    await w.kickBans.ban(w.room.id, w.other.id, 60);
    expect(await toggle.execute({ caller: w.as(w.other), chatId })).toEqual(err(domainError('CLASS_010')));
    expect(await toggle.execute({ caller: w.as(w.student), chatId })).toEqual(err(domainError('CHAT_005')));
    expect(w.broadcaster.published).toEqual([]);
  });
});

describe('AnnounceTyping (stomp.md §5.4)', () => {
  it('publishes the start and the stop of typing to the class, storing nothing', async () => {
    const w = await chatWorld();
    const typing = new AnnounceTyping(w.broadcaster);
    await typing.execute({ classId: w.room.id, userId: w.student.id, username: '김학생', typing: true });
    await typing.execute({ classId: w.room.id, userId: w.student.id, username: '김학생', typing: false });
    expect(w.broadcaster.published).toEqual([
      { type: 'chat-typing', classId: w.room.id, userId: w.student.id, username: '김학생', typing: true },
      { type: 'chat-typing', classId: w.room.id, userId: w.student.id, username: '김학생', typing: false },
    ]);
    expect((await w.chats.history(w.room.id, 50)).total).toBe(0);
  });
});
