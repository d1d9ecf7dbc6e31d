import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewChatMessage } from '../../collaboration/chat/chat-message';
import type { ChatRepository } from '../../collaboration/chat/ports/chat-repository';
import type { ContractHarness } from './harness';

/** A chat harness also provides two existing classes and three existing users. */
export interface ChatHarness extends ContractHarness<ChatRepository> {
  readonly classes: readonly [number, number];
  readonly users: readonly [number, number, number];
}

/** The behaviour every `ChatRepository` must have. */
export function chatRepositoryContract(name: string, factory: () => Promise<ChatHarness>): void {
  describe(`ChatRepository contract: ${name}`, () => {
    let h: ChatHarness;
    const message = (classId: number, userId: number, content: string, extra: Partial<NewChatMessage> = {}): NewChatMessage => ({
      classId, userId, username: `user${userId}`, content, createdAt: new Date('2025-12-18T01:00:00.123Z'),
      replyToChatId: null, replyToUsername: null, replyToContent: null, ...extra,
    });
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.teardown();
    });

    it('stores messages with increasing ids and round-trips every field', async () => {
      const [c1] = h.classes;
      const [u1] = h.users;
      const a = await h.subject.create(message(c1, u1, '  안녕하세요  '));
      const b = await h.subject.create(message(c1, u1, 'reply', { replyToChatId: a.id, replyToUsername: 'user', replyToContent: a.content }));
      expect(b.id).toBeGreaterThan(a.id);
      expect(a).toMatchObject({ classId: c1, userId: u1, content: '  안녕하세요  ', deleted: false, reactionCount: 0 });
      expect(a.createdAt.toISOString()).toBe('2025-12-18T01:00:00.123Z');
      expect(await h.subject.findById(b.id)).toEqual(b);
      expect(await h.subject.findById(999_999_999)).toBeNull();
    });

    it('soft-deletes once', async () => {
      const m = await h.subject.create(message(h.classes[0], h.users[0], 'x'));
      expect(await h.subject.markDeleted(m.id, '삭제된 메시지입니다.')).toBe(true);
      expect(await h.subject.markDeleted(m.id, '삭제된 메시지입니다.')).toBe(false);
      expect(await h.subject.findById(m.id)).toMatchObject({ deleted: true, content: '삭제된 메시지입니다.' });
    });

    it('toggles one reaction per user and counts them', async () => {
      const m = await h.subject.create(message(h.classes[0], h.users[0], 'x'));
      expect(await h.subject.toggleReaction(m.id, h.users[1])).toEqual({ reacted: true, count: 1 });
      expect(await h.subject.toggleReaction(m.id, h.users[2])).toEqual({ reacted: true, count: 2 });
      expect(await h.subject.toggleReaction(m.id, h.users[1])).toEqual({ reacted: false, count: 1 });
      expect(await h.subject.reactors(m.id)).toEqual([h.users[2]]);
      expect(await h.subject.hasReacted(m.id, h.users[2])).toBe(true);
      expect(await h.subject.hasReacted(m.id, h.users[1])).toBe(false);
      expect((await h.subject.findById(m.id))?.reactionCount).toBe(1);
    });

    it('returns the newest messages of a class oldest first, with a cursor', async () => {
      const [c1, c2] = h.classes;
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push((await h.subject.create(message(c1, h.users[0], `m${i}`))).id);
      await h.subject.create(message(c2, h.users[0], 'other class'));
      const last3 = await h.subject.history(c1, 3);
      expect(last3.messages.map((m) => m.content)).toEqual(['m2', 'm3', 'm4']);
      expect(last3.total).toBe(5);
      const before = await h.subject.history(c1, 3, ids[2]);
      expect(before.messages.map((m) => m.content)).toEqual(['m0', 'm1']);
      expect((await h.subject.history(c2, 10)).messages).toHaveLength(1);
    });

    it('purges messages older than a cutoff', async () => {
      await h.subject.create(message(h.classes[0], h.users[0], 'old', { createdAt: new Date('2020-01-01T00:00:00Z') }));
      const keep = await h.subject.create(message(h.classes[0], h.users[0], 'new', { createdAt: new Date('2030-01-01T00:00:00Z') }));
      expect(await h.subject.purgeOlderThan(new Date('2025-01-01T00:00:00Z'))).toBe(1);
      expect((await h.subject.history(h.classes[0], 10)).messages.map((m) => m.id)).toEqual([keep.id]);
    });
  });
}
