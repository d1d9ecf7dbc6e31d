import { FixedClock, InMemoryWebhookEventDedupe, webhookEventDedupeContract } from '@sooscode/domain/testing';

webhookEventDedupeContract('in-memory', async () => {
  const clock = new FixedClock();
  return {
    subject: new InMemoryWebhookEventDedupe(clock),
    now: () => clock.now(),
    advance: async (ms) => clock.advance(ms),
    teardown: async () => undefined,
  };
});
