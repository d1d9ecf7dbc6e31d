import { oauthStateStoreContract } from '@sooscode/domain/testing';
import { InMemoryOAuthStateStore } from '@sooscode/adapters/memory';
import { fixedClockHarness } from './fixed-clock-harness';

oauthStateStoreContract('in memory', fixedClockHarness((clock) => new InMemoryOAuthStateStore(clock)));
