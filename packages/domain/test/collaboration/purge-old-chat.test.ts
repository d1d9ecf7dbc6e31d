import { describe, expect, it } from 'vitest';
import { PurgeOldChat, type NewChatMessage } from '../../src/index';
import { InMemoryChatRepository } from '@sooscode/adapters/memory';
import { FixedClock } from '@sooscode/domain/testing';

const DAY_MS = 86_400_000;

function message(content: string, createdAt: Date): NewChatMessage {
  return { classId: 1, userId: 1, username: '김학생', content, createdAt, replyToChatId: null, replyToUsername: null, replyToContent: null };
}

describe('PurgeOldChat (CHAT_RETENTION_DAYS) on a fixed clock', () => {
  it('deletes what is older than the retention, counted back from now, and nothing else', async () => {
    const clock = new FixedClock('2026-03-31T00:00:00.000Z');
    const chats = new InMemoryChatRepository();
    const now = clock.now().getTime();
    await chats.create(message('31 days old', new Date(now - 31 * DAY_MS)));
    await chats.create(message('exactly 30 days old', new Date(now - 30 * DAY_MS)));
    await chats.create(message('yesterday', new Date(now - DAY_MS)));
    const purge = new PurgeOldChat(chats, clock, 30);

    expect(await purge.execute()).toBe(1);
    expect((await chats.history(1, 10)).messages.map((m) => m.content)).toEqual(['exactly 30 days old', 'yesterday']);
    clock.advance(1);
    expect(await purge.execute()).toBe(1);
    clock.advance(29 * DAY_MS);
    expect(await purge.execute()).toBe(1);
    expect((await chats.history(1, 10)).total).toBe(0);
  });

  it('keeps everything with a retention of 0 days', async () => {
    const clock = new FixedClock();
    const chats = new InMemoryChatRepository();
    await chats.create(message('ancient', new Date('2000-01-01T00:00:00Z')));
    expect(await new PurgeOldChat(chats, clock, 0).execute()).toBe(0);
    expect((await chats.history(1, 10)).total).toBe(1);
  });
});
