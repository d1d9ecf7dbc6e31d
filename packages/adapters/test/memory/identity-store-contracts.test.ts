import { accessTokenDenylistContract, attemptCounterContract, emailVerificationStoreContract, refreshTokenStoreContract, userRepositoryContract } from '@sooscode/domain/testing';
import { InMemoryAccessTokenDenylist, InMemoryAttemptCounter, InMemoryEmailVerificationStore, InMemoryRefreshTokenStore, InMemoryUserRepository } from '@sooscode/adapters/memory';
import { fixedClockHarness as harness } from './fixed-clock-harness';

userRepositoryContract('in-memory', harness(() => new InMemoryUserRepository()));
refreshTokenStoreContract('in-memory', harness((clock) => new InMemoryRefreshTokenStore(clock)));
accessTokenDenylistContract('in-memory', harness((clock) => new InMemoryAccessTokenDenylist(clock)));
attemptCounterContract('in-memory', harness((clock) => new InMemoryAttemptCounter(clock)));
emailVerificationStoreContract('in-memory', harness((clock) => new InMemoryEmailVerificationStore(clock)));
