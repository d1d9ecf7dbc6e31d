import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCompileJob } from '../../compilation/compile-job';
import type { PendingCompileJobs } from '../../compilation/ports/pending-compile-jobs';
import type { ContractHarness } from './harness';

/** A harness whose `peer` is a second node sharing the subject's storage (the subject itself for one-node adapters). */
export interface PendingCompileJobsHarness extends ContractHarness<PendingCompileJobs> {
  readonly peer: PendingCompileJobs;
}

let seq = 0;
function newJob(now: Date, userId = 42): NewCompileJob {
  const n = (++seq).toString(16).padStart(12, '0');
  return { jobId: `00000000-0000-4000-8000-${n}`, userId, language: 'java', createdAt: new Date(Math.floor(now.getTime() / 1000) * 1000) };
}

const LIMITS = { retentionS: 600, maxWaiting: 100 };

/** The behaviour every `PendingCompileJobs` must have. */
export function pendingCompileJobsContract(name: string, factory: () => Promise<PendingCompileJobsHarness>): void {
  describe(`PendingCompileJobs contract: ${name}`, () => {
    let h: PendingCompileJobsHarness;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.teardown();
    });

    it('stores an opened job as PENDING, round-tripping every field', async () => {
      const job = newJob(h.now());
      const watch = await h.subject.open(job, LIMITS);
      expect(watch).not.toBeNull();
      expect(await h.subject.find(job.jobId)).toEqual({ ...job, state: 'PENDING' });
      expect(await h.peer.find(job.jobId)).toEqual({ ...job, state: 'PENDING' });
      expect(await h.subject.find('00000000-0000-4000-8000-ffffffffffff')).toBeNull();
      watch?.close();
    });

    it('completes once (first writer wins) and wakes the waiter, from any node', async () => {
      const job = newJob(h.now(), 9);
      const watch = (await h.subject.open(job, LIMITS))!;
      const first = { status: 'SUCCESS', output: 'hello\n안녕 😀' } as const;
      expect(await h.peer.complete(job.jobId, first)).toEqual({ kind: 'completed', userId: 9 });
      expect(await watch.result).toEqual(first);
      expect(await h.subject.complete(job.jobId, { status: 'FAIL', output: 'second' })).toEqual({ kind: 'ignored' });
      expect(await h.subject.find(job.jobId)).toEqual({ ...job, state: 'DONE', result: first });
      watch.close();
      expect(h.subject.waiting()).toBe(0);
    });

    it('lets exactly one of concurrent results win', async () => {
      const job = newJob(h.now());
      const watch = (await h.subject.open(job, LIMITS))!;
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? h.peer : h.subject).complete(job.jobId, { status: 'SUCCESS', output: `r${i}` })),
      );
      expect(outcomes.filter((o) => o.kind === 'completed')).toHaveLength(1);
      const winner = outcomes.findIndex((o) => o.kind === 'completed');
      expect(await watch.result).toEqual({ status: 'SUCCESS', output: `r${winner}` });
      watch.close();
    });

    it('answers unknown for a job never opened', async () => {
      expect(await h.subject.complete('00000000-0000-4000-8000-eeeeeeeeeeee', { status: 'SUCCESS', output: '' })).toEqual({ kind: 'unknown' });
    });

    it('ends a pending job as TIMED_OUT or ABANDONED, after which results are ignored', async () => {
      for (const state of ['TIMED_OUT', 'ABANDONED'] as const) {
        const job = newJob(h.now());
        const watch = (await h.subject.open(job, LIMITS))!;
        expect(await watch.end(state)).toBeNull();
        expect((await h.subject.find(job.jobId))?.state).toBe(state);
        expect(await h.peer.complete(job.jobId, { status: 'SUCCESS', output: 'late' })).toEqual({ kind: 'ignored' });
        expect(await h.subject.find(job.jobId)).toEqual({ ...job, state });
      }
      expect(h.subject.waiting()).toBe(0);
    });

    it('returns the result that won the race against the end of the wait', async () => {
      const job = newJob(h.now());
      const watch = (await h.subject.open(job, LIMITS))!;
      await h.peer.complete(job.jobId, { status: 'FAIL', output: 'just in time' });
      expect(await watch.end('TIMED_OUT')).toEqual({ status: 'FAIL', output: 'just in time' });
      expect((await h.subject.find(job.jobId))?.state).toBe('DONE');
    });

    it('bounds the jobs a node waits for', async () => {
      const limits = { retentionS: 600, maxWaiting: 2 };
      const a = await h.subject.open(newJob(h.now()), limits);
      const b = await h.subject.open(newJob(h.now()), limits);
      expect(h.subject.waiting()).toBe(2);
      const refusedJob = newJob(h.now());
      expect(await h.subject.open(refusedJob, limits)).toBeNull();
      expect(await h.subject.find(refusedJob.jobId)).toBeNull();
      a?.close();
      await b?.end('TIMED_OUT');
      expect(h.subject.waiting()).toBe(0);
      const c = await h.subject.open(newJob(h.now()), limits);
      expect(c).not.toBeNull();
      c?.close();
    });

    it('forgets a job after its retention', async () => {
      const job = newJob(h.now());
      const watch = (await h.subject.open(job, { retentionS: 1, maxWaiting: 10 }))!;
      watch.close();
      await h.advance(1300);
      expect(await h.subject.find(job.jobId)).toBeNull();
      expect(await h.subject.complete(job.jobId, { status: 'SUCCESS', output: '' })).toEqual({ kind: 'unknown' });
    });
  });
}
