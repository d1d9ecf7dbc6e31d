import { FixedClock, compileAdmissionContract, pendingCompileJobsContract } from '@sooscode/domain/testing';
import { InMemoryCompileAdmission, InMemoryPendingCompileJobs } from '@sooscode/adapters/memory';
import { fixedClockHarness } from './fixed-clock-harness';

pendingCompileJobsContract('in-memory', async () => {
  const clock = new FixedClock();
  const subject = new InMemoryPendingCompileJobs(clock);
  return { subject, peer: subject, now: () => clock.now(), advance: async (ms) => clock.advance(ms), teardown: async () => undefined };
});

compileAdmissionContract('in-memory', fixedClockHarness((clock) => new InMemoryCompileAdmission(clock)));
