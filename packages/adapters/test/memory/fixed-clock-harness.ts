import type { Clock } from '@sooscode/domain';
import { FixedClock, type ContractHarness } from '@sooscode/domain/testing';

/** A contract harness over a FixedClock: `advance` moves the clock, nothing waits, nothing to tear down. */
export function fixedClockHarness<T>(build: (clock: Clock) => T): () => Promise<ContractHarness<T>> {
  return async () => {
    const clock = new FixedClock();
    return { subject: build(clock), now: () => clock.now(), advance: async (ms) => clock.advance(ms), teardown: async () => undefined };
  };
}
