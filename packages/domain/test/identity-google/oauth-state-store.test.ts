import { FixedClock, InMemoryOAuthStateStore, oauthStateStoreContract } from '../../src/testing/index';

oauthStateStoreContract('in memory', async () => {
  const clock = new FixedClock();
  return {
    subject: new InMemoryOAuthStateStore(clock),
    now: () => clock.now(),
    advance: async (ms) => clock.advance(ms),
    teardown: async () => undefined,
  };
});
