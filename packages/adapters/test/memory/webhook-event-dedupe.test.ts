import { FixedClock, webhookEventDedupeContract } from '@sooscode/domain/testing';
import { InMemoryWebhookEventDedupe } from '@sooscode/adapters/memory';

webhookEventDedupeContract('in-memory', async () => {
  const clock = new FixedClock();
  return {
    subject: new InMemoryWebhookEventDedupe(clock),
    now: () => clock.now(),
    advance: async (ms) => clock.advance(ms),
    teardown: async () => undefined,
  };
});
