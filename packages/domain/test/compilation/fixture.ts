import { domainError, err, ok, type CompileCallbacks, type CompilePolicy, type CompileWorker, type DispatchRequest, type DomainError, type Language, type Result, type SubmittedSource, type Timeouts } from '../../src/index';
import { CompleteCompileJob, RunCode } from '../../src/index';
import { FixedClock, SequenceRandom } from '@sooscode/domain/testing';
import { InMemoryCompileAdmission, InMemoryPendingCompileJobs } from '@sooscode/adapters/memory';

/** Timeouts driven by a `FixedClock`: calls fire when `advance` moves the clock past them. */
export class ManualTimeouts implements Timeouts {
  private pending: { at: number; fn: () => void }[] = [];

  constructor(private readonly clock: FixedClock) {}

  after(ms: number, fn: () => void): () => void {
    const entry = { at: this.clock.now().getTime() + Math.max(0, ms), fn };
    this.pending.push(entry);
    if (ms <= 0) queueMicrotask(() => this.fireDue());
    return () => {
      this.pending = this.pending.filter((e) => e !== entry);
    };
  }

  /** Moves the clock by `ms` and fires every call that became due. */
  advance(ms: number): void {
    this.clock.advance(ms);
    this.fireDue();
  }

  get scheduled(): number {
    return this.pending.length;
  }

  private fireDue(): void {
    const now = this.clock.now().getTime();
    const due = this.pending.filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
    this.pending = this.pending.filter((e) => e.at > now);
    for (const e of due) e.fn();
  }
}

/** A worker that records dispatches and answers with `answer` (default: accepted), optionally never. */
export class ScriptedWorker implements CompileWorker {
  readonly received: DispatchRequest[] = [];
  answer: (req: DispatchRequest) => Promise<Result<void, DomainError>> = async () => ok();

  async dispatch(req: DispatchRequest): Promise<Result<void, DomainError>> {
    this.received.push(req);
    return this.answer(req);
  }

  refuseWith(code: 'COMPILE_004' | 'COMPILE_006'): void {
    this.answer = async () => err(domainError(code));
  }

  hang(): void {
    this.answer = () => new Promise(() => undefined);
  }
}

const callbacks: CompileCallbacks = {
  urlFor: (jobId) => `http://api.test/api/compile/callback/${jobId}?token=t-${jobId}`,
  accepts: (jobId, token) => token === `t-${jobId}`,
};

export const POLICY: CompilePolicy = {
  languages: ['java', 'python'],
  maxChars: 1000,
  maxLines: 80,
  blacklists: { java: ['System\\s*\\.\\s*exit', 'invoke'], python: ['__import__'], javascript: [] },
  cooldownS: 3,
  deadlineMs: 4500,
  dispatchTimeoutMs: 1500,
  maxOutputChars: 20,
  jobRetentionS: 600,
  maxPending: 1000,
};

/** RunCode and CompleteCompileJob over in-memory adapters, a fixed clock and manual timeouts. */
export function compileFixture(policy: Partial<CompilePolicy> = {}) {
  const clock = new FixedClock('2025-12-18T01:00:00.000Z');
  const timeouts = new ManualTimeouts(clock);
  const jobs = new InMemoryPendingCompileJobs(clock);
  const admission = new InMemoryCompileAdmission(clock);
  const worker = new ScriptedWorker();
  const fullPolicy = { ...POLICY, ...policy };
  const random = new SequenceRandom();
  const runCode = new RunCode({ policy: fullPolicy, admission, jobs, worker, callbacks, timeouts, clock, random });
  const complete = new CompleteCompileJob(jobs, admission, fullPolicy);
  /** Runs `source` (decoded text, or what the edge made of a bad `code`) for `userId` in `language`. */
  const run = (source: string | SubmittedSource, userId = 1, language: Language | null = 'java') =>
    runCode.execute({ userId, source: typeof source === 'string' ? { kind: 'text', text: source } : source, language, arrivedAt: clock.now() });
  return { clock, timeouts, jobs, admission, worker, runCode, complete, callbacks, run, policy: fullPolicy };
}
