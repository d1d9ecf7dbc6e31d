import type { CompileJob, CompileResult, NewCompileJob } from '../compile-job';

/** What `PendingCompileJobs.complete` did. */
export type Completion =
  /** The job was `PENDING`; it is now `DONE` and its waiter, on whichever node, is woken. */
  | { readonly kind: 'completed'; readonly userId: number }
  /** The job was already `DONE`, `TIMED_OUT` or `ABANDONED`; nothing changed. */
  | { readonly kind: 'ignored' }
  /** No such job within retention. */
  | { readonly kind: 'unknown' };

/** One node's wait for one job, from `PendingCompileJobs.open`. */
export interface CompileJobWatch {
  /** Resolves with the job's result once it is `DONE`; never rejects. */
  readonly result: Promise<CompileResult>;
  /**
   * Ends the wait without a result: a `PENDING` job becomes `state` and `null` is returned;
   * if a result won the race, the job stays `DONE` and that result is returned. Frees the
   * waiting place.
   */
  end(state: 'TIMED_OUT' | 'ABANDONED'): Promise<CompileResult | null>;
  /** Frees the waiting place after `result` resolved. Idempotent. */
  close(): void;
}

/**
 * Job records plus waiting for their results across nodes (compile.md §5). Results are first
 * writer wins: only a `PENDING` job changes, once. In-process for one node; with Redis, a
 * result stored through any node wakes the waiter on the node that opened the job.
 */
export interface PendingCompileJobs {
  /**
   * Starts listening for `job`'s result, then stores it as `PENDING` for `retentionS` seconds
   * (in that order, so no result can be missed); call it before dispatching. Returns `null`,
   * storing nothing, when this node already waits for `maxWaiting` jobs.
   */
  open(job: NewCompileJob, limits: { readonly retentionS: number; readonly maxWaiting: number }): Promise<CompileJobWatch | null>;
  /** The record of `jobId` within retention, or `null`. */
  find(jobId: string): Promise<CompileJob | null>;
  /** Stores `result` if the job is still `PENDING` (first writer wins) and wakes its waiter. */
  complete(jobId: string, result: CompileResult): Promise<Completion>;
  /** Jobs this node waits for now. */
  waiting(): number;
}
