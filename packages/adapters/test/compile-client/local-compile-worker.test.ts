import { describe, expect, it, vi } from 'vitest';
import { CodeRunnerBusyError, CodeRunnerUnavailableError, type CodeRunner, type ReportedResult } from '@sooscode/domain';
import { LocalCompileWorker } from '../../src/compile-client/local-compile-worker';
import { LocalCodeRunner } from '../../src/local-runner/local-code-runner';
import { RecordingCodeRunner } from '../compile-worker/fake-runners';

const JOB = { jobId: '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10', language: 'javascript' as const, code: 'console.log(1)', callbackUrl: 'http://unused' };

class RecordingCompletion {
  readonly results: [string, ReportedResult][] = [];
  async execute(jobId: string, result: ReportedResult) {
    this.results.push([jobId, result]);
    return { ok: true, value: 'completed' } as const;
  }
}

describe('LocalCompileWorker', () => {
  it('accepts a job at once and stores the outcome through the completion path, without HTTP', async () => {
    const runner = new RecordingCodeRunner(() => ({ status: 'SUCCESS', output: 'ran\n' }));
    runner.hold();
    const completion = new RecordingCompletion();
    const worker = new LocalCompileWorker(runner, completion);
    expect(await worker.dispatch(JOB)).toEqual({ ok: true, value: undefined });
    expect(runner.jobs).toEqual([{ jobId: JOB.jobId, language: 'javascript', code: 'console.log(1)' }]);
    expect(completion.results).toEqual([]);
    runner.release();
    await worker.idle();
    expect(completion.results).toEqual([[JOB.jobId, { status: 'SUCCESS', output: 'ran\n' }]]);
  });

  it('fails the dispatch with COMPILE_004 when the run queue is full', async () => {
    const runner: CodeRunner = { run: () => Promise.reject(new CodeRunnerBusyError()) };
    const completion = new RecordingCompletion();
    const worker = new LocalCompileWorker(runner, completion);
    expect(await worker.dispatch(JOB)).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    await worker.idle();
    expect(completion.results).toEqual([]);
  });

  it('fails the dispatch with COMPILE_004 when the runner has no sandbox', async () => {
    const runner: CodeRunner = { run: () => Promise.reject(new CodeRunnerUnavailableError()) };
    const completion = new RecordingCompletion();
    const worker = new LocalCompileWorker(runner, completion);
    expect(await worker.dispatch(JOB)).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    await worker.idle();
    expect(completion.results).toEqual([]);
  });

  it('reports a runner bug as an ERROR result', async () => {
    const runner: CodeRunner = { run: async () => { await new Promise((r) => setTimeout(r, 5)); throw new Error('bug'); } };
    const completion = new RecordingCompletion();
    const worker = new LocalCompileWorker(runner, completion);
    expect((await worker.dispatch(JOB)).ok).toBe(true);
    await worker.idle();
    expect(completion.results).toEqual([[JOB.jobId, { status: 'ERROR', output: '' }]]);
  });

  it('refuses the job beyond the real runner queue (concurrency 1, queue 0)', async () => {
    const runner = new LocalCodeRunner({ concurrency: 1, maxQueued: 0, runTimeoutMs: 5000 });
    const completion = new RecordingCompletion();
    const worker = new LocalCompileWorker(runner, completion);
    const slow = { ...JOB, code: 'setTimeout(() => console.log("done"), 300)' };
    expect((await worker.dispatch(slow)).ok).toBe(true);
    expect(await worker.dispatch({ ...slow, jobId: '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a11' })).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    await vi.waitFor(() => expect(completion.results).toHaveLength(1), { timeout: 10_000 });
    expect(completion.results[0]).toEqual([JOB.jobId, { status: 'SUCCESS', output: 'done\n' }]);
  });
});
