import { FixedClock, oauthStateStoreContract } from '@sooscode/domain/testing';
import { InMemoryOAuthStateStore } from '@sooscode/adapters/memory';

oauthStateStoreContract('in memory', async () => {
  const clock = new FixedClock();
  return {
    subject: new InMemoryOAuthStateStore(clock),
    now: () => clock.now(),
    advance: async (ms) => clock.advance(ms),
    teardown: async () => undefined,
  };
});
