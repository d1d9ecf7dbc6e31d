import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookEventDedupe } from '../../media/ports/webhook-event-dedupe';
import type { ContractHarness, HarnessFactory } from './harness';

/** The behaviour every `WebhookEventDedupe` must have. */
export function webhookEventDedupeContract(name: string, factory: HarnessFactory<WebhookEventDedupe>): void {
  describe(`WebhookEventDedupe contract: ${name}`, () => {
    let h: ContractHarness<WebhookEventDedupe>;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.teardown();
    });

    it('accepts an id once, then reports it as a duplicate', async () => {
      expect(await h.subject.markSeen('EV_a', 60)).toBe(true);
      expect(await h.subject.markSeen('EV_a', 60)).toBe(false);
      expect(await h.subject.markSeen('EV_a', 60)).toBe(false);
    });

    it('keeps ids apart', async () => {
      expect(await h.subject.markSeen('EV_1', 60)).toBe(true);
      expect(await h.subject.markSeen('EV_2', 60)).toBe(true);
      expect(await h.subject.markSeen('EV_1', 60)).toBe(false);
    });

    it('forgets an id after its ttl', async () => {
      expect(await h.subject.markSeen('EV_t', 1)).toBe(true);
      await h.advance(400);
      expect(await h.subject.markSeen('EV_t', 1)).toBe(false);
      await h.advance(1200);
      expect(await h.subject.markSeen('EV_t', 1)).toBe(true);
    });

    it('does not extend the window on a duplicate', async () => {
      expect(await h.subject.markSeen('EV_w', 1)).toBe(true);
      await h.advance(600);
      expect(await h.subject.markSeen('EV_w', 60)).toBe(false);
      await h.advance(600);
      expect(await h.subject.markSeen('EV_w', 1)).toBe(true);
    });

    it('forgets an id on request, and ignores unknown ids', async () => {
      expect(await h.subject.markSeen('EV_f', 60)).toBe(true);
      await h.subject.forget('EV_f');
      await h.subject.forget('EV_never');
      expect(await h.subject.markSeen('EV_f', 60)).toBe(true);
    });

    it('lets exactly one of concurrent deliveries of an id through', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => h.subject.markSeen('EV_race', 60)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
