import { webhookEventDedupeContract } from '@sooscode/domain/testing';
import { InMemoryWebhookEventDedupe } from '@sooscode/adapters/memory';
import { fixedClockHarness } from './fixed-clock-harness';

webhookEventDedupeContract('in-memory', fixedClockHarness((clock) => new InMemoryWebhookEventDedupe(clock)));
