import { FixedClock, accessTokenDenylistContract, attemptCounterContract, emailVerificationStoreContract, refreshTokenStoreContract, userRepositoryContract, type ContractHarness } from '@sooscode/domain/testing';
import { InMemoryAccessTokenDenylist, InMemoryAttemptCounter, InMemoryEmailVerificationStore, InMemoryRefreshTokenStore, InMemoryUserRepository } from '@sooscode/adapters/memory';
import type { Clock } from '@sooscode/domain';

/** A harness over a FixedClock: `advance` moves the clock, nothing waits. */
function harness<T>(build: (clock: Clock) => T): () => Promise<ContractHarness<T>> {
  return async () => {
    const clock = new FixedClock();
    return {
      subject: build(clock),
      now: () => clock.now(),
      advance: async (ms) => clock.advance(ms),
      teardown: async () => {},
    };
  };
}

userRepositoryContract('in-memory', harness(() => new InMemoryUserRepository()));
refreshTokenStoreContract('in-memory', harness((clock) => new InMemoryRefreshTokenStore(clock)));
accessTokenDenylistContract('in-memory', harness((clock) => new InMemoryAccessTokenDenylist(clock)));
attemptCounterContract('in-memory', harness((clock) => new InMemoryAttemptCounter(clock)));
emailVerificationStoreContract('in-memory', harness((clock) => new InMemoryEmailVerificationStore(clock)));
