import type { Clock } from '../shared/clock';
import type { CompileJob, CompileResult, NewCompileJob } from '../compilation/compile-job';
import type { CompileJobWatch, Completion, PendingCompileJobs } from '../compilation/ports/pending-compile-jobs';
import { ExpiringMap } from './expiring-map';

/**
 * Job records and waiters in process memory: a single node, where every result arrives at the
 * node that waits for it. Records are forgotten after their retention; waiters are bounded by
 * the caller's `maxWaiting`.
 */
export class InMemoryPendingCompileJobs implements PendingCompileJobs {
  private readonly records: ExpiringMap<CompileJob>;
  private readonly waiters = new Map<string, (result: CompileResult) => void>();

  constructor(clock: Clock) {
    this.records = new ExpiringMap(clock);
  }

  async open(job: NewCompileJob, limits: { readonly retentionS: number; readonly maxWaiting: number }): Promise<CompileJobWatch | null> {
    if (this.waiters.size >= limits.maxWaiting) return null;
    if (this.records.get(job.jobId) !== undefined || this.waiters.has(job.jobId)) throw new Error(`compile job ${job.jobId} already exists`);
    let wake: (result: CompileResult) => void = () => undefined;
    const result = new Promise<CompileResult>((resolve) => (wake = resolve));
    this.waiters.set(job.jobId, wake);
    this.records.set(job.jobId, { ...job, state: 'PENDING' }, limits.retentionS * 1000);
    const jobId = job.jobId;
    return {
      result,
      end: async (state) => {
        this.drop(jobId, wake);
        const record = this.records.get(jobId);
        if (record?.state === 'DONE') return record.result ?? null;
        if (record?.state === 'PENDING') this.records.set(jobId, { ...record, state }, this.records.remainingMs(jobId));
        return null;
      },
      close: () => this.drop(jobId, wake),
    };
  }

  async find(jobId: string): Promise<CompileJob | null> {
    return this.records.get(jobId) ?? null;
  }

  async complete(jobId: string, result: CompileResult): Promise<Completion> {
    const record = this.records.get(jobId);
    if (!record) return { kind: 'unknown' };
    if (record.state !== 'PENDING') return { kind: 'ignored' };
    this.records.set(jobId, { ...record, state: 'DONE', result }, this.records.remainingMs(jobId));
    this.waiters.get(jobId)?.(result);
    return { kind: 'completed', userId: record.userId };
  }

  waiting(): number {
    return this.waiters.size;
  }

  private drop(jobId: string, wake: (result: CompileResult) => void): void {
    if (this.waiters.get(jobId) === wake) this.waiters.delete(jobId);
  }
}
