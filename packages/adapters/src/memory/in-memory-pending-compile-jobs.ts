import type { Clock } from '@sooscode/domain';
import type { CompileJob, CompileJobState, CompileResult, NewCompileJob } from '@sooscode/domain';
import type { Language } from '@sooscode/domain';
import type { CompileJobWatch, Completion, PendingCompileJobs } from '@sooscode/domain';
import { ExpiringMap } from './expiring-map';

/** A stored job, kept small: thousands may be pending at once. */
interface JobRecord {
  readonly userId: number;
  readonly language: Language;
  readonly createdAtMs: number;
  state: CompileJobState;
  result?: CompileResult;
}

/** One waiting request: a promise woken by `complete`. Methods live on the prototype (no closures per job). */
class Watch implements CompileJobWatch {
  readonly result: Promise<CompileResult>;
  wake!: (result: CompileResult) => void;

  constructor(
    private readonly owner: InMemoryPendingCompileJobs,
    private readonly jobId: string,
  ) {
    this.result = new Promise((resolve) => (this.wake = resolve));
  }

  end(state: 'TIMED_OUT' | 'ABANDONED'): Promise<CompileResult | null> {
    this.close();
    return Promise.resolve(this.owner.finish(this.jobId, state));
  }

  close(): void {
    this.owner.forget(this.jobId, this);
  }
}

/**
 * Job records and waiters in process memory: a single node, where every result arrives at the
 * node that waits for it. Records are forgotten after their retention; waiters are bounded by
 * the caller's `maxWaiting`.
 */
export class InMemoryPendingCompileJobs implements PendingCompileJobs {
  private readonly records: ExpiringMap<JobRecord>;
  private readonly waiters = new Map<string, Watch>();

  constructor(clock: Clock) {
    this.records = new ExpiringMap(clock);
  }

  async open(job: NewCompileJob, limits: { readonly retentionS: number; readonly maxWaiting: number }): Promise<CompileJobWatch | null> {
    if (this.waiters.size >= limits.maxWaiting) return null;
    if (this.records.get(job.jobId) !== undefined || this.waiters.has(job.jobId)) throw new Error(`compile job ${job.jobId} already exists`);
    const watch = new Watch(this, job.jobId);
    this.waiters.set(job.jobId, watch);
    this.records.set(job.jobId, { userId: job.userId, language: job.language, createdAtMs: job.createdAt.getTime(), state: 'PENDING' }, limits.retentionS * 1000);
    return watch;
  }

  async find(jobId: string): Promise<CompileJob | null> {
    const r = this.records.get(jobId);
    if (!r) return null;
    const job: CompileJob = { jobId, userId: r.userId, language: r.language, createdAt: new Date(r.createdAtMs), state: r.state };
    return r.result ? { ...job, result: r.result } : job;
  }

  async complete(jobId: string, result: CompileResult): Promise<Completion> {
    const record = this.records.get(jobId);
    if (!record) return { kind: 'unknown' };
    if (record.state !== 'PENDING') return { kind: 'ignored' };
    record.state = 'DONE';
    record.result = result;
    this.waiters.get(jobId)?.wake(result);
    return { kind: 'completed', userId: record.userId };
  }

  waiting(): number {
    return this.waiters.size;
  }

  /** PENDING → `state`; returns the result when one won the race. */
  finish(jobId: string, state: 'TIMED_OUT' | 'ABANDONED'): CompileResult | null {
    const record = this.records.get(jobId);
    if (record?.state === 'PENDING') record.state = state;
    return record?.state === 'DONE' ? (record.result ?? null) : null;
  }

  /** Drops `watch` if it still waits for `jobId`. */
  forget(jobId: string, watch: Watch): void {
    if (this.waiters.get(jobId) === watch) this.waiters.delete(jobId);
  }
}
