import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRepository, UserRepository } from '@sooscode/domain';
import { FixedClock } from '@sooscode/domain/testing';
import type { PeriodicTask } from '@sooscode/adapters/system/periodic-task';
import type { TaskLease } from '@sooscode/adapters/system/task-lease';
import { HAS_POSTGRES, HAS_REDIS } from '../../../adapters/test/support/services';
import { TOKENS } from '../../src/tokens';
import { startSecondNode, type SecondNode } from '../realtime/support/second-node';
import { startTestServer, type TestServer } from '../support/test-server';

const DAY_MS = 86_400_000;
const SHARED = HAS_POSTGRES && HAS_REDIS;

describe('chat retention (CHAT_RETENTION_DAYS=30) on a fixed clock', () => {
  const clock = new FixedClock('2026-06-01T00:00:00.000Z');
  let server: TestServer;
  let chats: ChatRepository;
  let userId: number;
  beforeAll(async () => {
    server = await startTestServer({ clock, redis: SHARED, env: { SEED_DEMO_DATA: 'true', CHAT_RETENTION_DAYS: '30' } });
    chats = server.container.get<ChatRepository>(TOKENS.ChatRepository);
    userId = (await server.container.get<UserRepository>(TOKENS.UserRepository).findByEmail('student1@sooscode.local'))!.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const post = (content: string, ageDays: number) =>
    chats.create({ classId: 1, userId, username: '김학생', content, createdAt: new Date(clock.now().getTime() - ageDays * DAY_MS), replyToChatId: null, replyToUsername: null, replyToContent: null });
  const contents = async () => (await chats.history(1, 100)).messages.map((m) => m.content);
  const retention = (node: { container: TestServer['container'] }) => node.container.get<PeriodicTask>(TOKENS.ChatRetention);

  it('deletes the messages older than 30 days before the clock, keeping the rest', async () => {
    await post('40 days old', 40);
    await post('29 days old', 29);
    await retention(server).runNow();
    expect(await contents()).toEqual(['29 days old']);
    clock.advance(2 * DAY_MS);
    await server.container.get<TaskLease>(TOKENS.TaskLease).release('chat-retention');
    await retention(server).runNow();
    expect(await contents()).toEqual([]);
  });

  it.skipIf(!SHARED)('runs on one node at a time: another node skips while the lease is held', async () => {
    const other: SecondNode = await startSecondNode(server, { CHAT_RETENTION_DAYS: '30' });
    try {
      await post('old, written after the last run', 60);
      await retention(other).runNow(); // the first node's lease from the previous run still holds
      expect(await contents()).toEqual(['old, written after the last run']);
      await server.container.get<TaskLease>(TOKENS.TaskLease).release('chat-retention');
      await retention(other).runNow();
      expect(await contents()).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});
