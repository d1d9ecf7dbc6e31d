import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceRegistry } from '@sooscode/domain';
import { signLikeLiveKit } from '../../../adapters/test/livekit/support/webhook-signing';
import { HAS_REDIS } from '../../../adapters/test/support/services';
import { RedisWebhookEventDedupe } from '@sooscode/adapters/redis/redis-webhook-event-dedupe';
import { TOKENS } from '../../src/tokens';
import { LK_KEY, LK_SECRET, postWebhook, startLiveKitWorld, webhookBody, type LiveKitWorld } from './livekit-fixture';

describe.skipIf(!HAS_REDIS)('the webhook with REDIS_URL set', () => {
  let w: LiveKitWorld;
  beforeAll(async () => {
    w = await startLiveKitWorld({}, { redis: true });
    await w.f.server.container
      .get<PresenceRegistry>(TOKENS.PresenceRegistry)
      .join(w.classRoom.id, 'session-student', { userId: w.student.id, username: w.student.name, instructor: false }, new Date());
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('uses the Redis dedupe store and processes a replayed event once', async () => {
    expect(w.f.server.container.get(TOKENS.WebhookEventDedupe)).toBeInstanceOf(RedisWebhookEventDedupe);
    const room = { sid: 'RM_r', name: String(w.classRoom.id) };
    const joined = webhookBody('participant_joined', { room, participant: { sid: 'PA_1', identity: `user-${w.student.id}` } });
    const auth = await signLikeLiveKit(joined, LK_KEY, LK_SECRET);
    const video = async () => {
      const res = await w.clients.instructor.request('GET', `/api/class/${w.classRoom.id}/participants`);
      return ((await res.json()) as { participants: { video: boolean }[] }).participants[0]?.video;
    };
    expect((await postWebhook(w.f.anonymous, joined, auth)).status).toBe(200);
    expect(await video()).toBe(true);
    const left = webhookBody('participant_left', { room, participant: { sid: 'PA_1', identity: `user-${w.student.id}` } });
    expect((await postWebhook(w.f.anonymous, left)).status).toBe(200);
    expect((await postWebhook(w.f.anonymous, joined, auth)).status).toBe(200);
    expect(await video()).toBe(false);
  });
});
