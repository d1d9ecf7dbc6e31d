import type { RunOutcome } from '@sooscode/domain';

/** A job's state as `GET /api/compile/result/{jobId}` reports it. */
export type WorkerJobStatus = 'PENDING' | 'RUNNING' | RunOutcome['status'];

/** What the worker remembers about a job. */
export interface WorkerJobState {
  readonly status: WorkerJobStatus;
  /** `null` until the job has finished. */
  readonly output: string | null;
}

/**
 * Job states of the standalone worker, each kept for `retentionMs` after its last change and at
 * most `maxEntries` at once (the oldest are dropped first), so memory stays bounded.
 */
export class WorkerResults {
  private readonly entries = new Map<string, WorkerJobState & { expiresAt: number }>();

  constructor(
    private readonly retentionMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(jobId: string): WorkerJobState | undefined {
    const e = this.entries.get(jobId);
    if (!e || e.expiresAt <= this.now()) return undefined;
    return { status: e.status, output: e.output };
  }

  set(jobId: string, state: WorkerJobState): void {
    this.prune();
    this.entries.delete(jobId); // re-insert so Map order stays "oldest change first"
    this.entries.set(jobId, { ...state, expiresAt: this.now() + this.retentionMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  private prune(): void {
    const now = this.now();
    for (const [id, e] of this.entries) {
      if (e.expiresAt > now) break; // insertion order = expiry order
      this.entries.delete(id);
    }
  }
}
