import { describe, expect, it } from 'vitest';
import { domainError, err, ok, type CompileWorker, type ReportedResult, type RunOutcome } from '@sooscode/domain';
import { PollingCompileWorker } from '../../src/compile-client/polling-compile-worker';
import { UnavailableCompileWorker } from '../../src/compile-client/unavailable-compile-worker';

const JOB = { jobId: '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10', language: 'java' as const, code: 'x', callbackUrl: 'http://cb' };

describe('PollingCompileWorker (COMPILE_POLL_FALLBACK)', () => {
  it('watches every accepted job until the deadline and stores a polled result', async () => {
    const watches: { jobId: string; deadline: number; onResult: (o: RunOutcome) => void }[] = [];
    const stored: [string, ReportedResult][] = [];
    const inner: CompileWorker = { dispatch: async () => ok() };
    const worker = new PollingCompileWorker(
      inner,
      { watch: (jobId, deadline, onResult) => (watches.push({ jobId, deadline, onResult }), () => undefined) },
      { execute: async (jobId, result) => (stored.push([jobId, result]), ok('completed' as const)) },
      4500,
    );
    const before = Date.now();
    expect((await worker.dispatch(JOB)).ok).toBe(true);
    expect(watches).toHaveLength(1);
    expect(watches[0]!.deadline).toBeGreaterThanOrEqual(before + 4500);
    watches[0]!.onResult({ status: 'FAIL', output: 'polled' });
    await Promise.resolve();
    expect(stored).toEqual([[JOB.jobId, { status: 'FAIL', output: 'polled' }]]);
  });

  it('does not watch a job the worker refused', async () => {
    let watched = 0;
    const worker = new PollingCompileWorker(
      { dispatch: async () => err(domainError('COMPILE_004')) },
      { watch: () => (watched++, () => undefined) },
      { execute: async () => ok('ignored' as const) },
      4500,
    );
    expect(await worker.dispatch(JOB)).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    expect(watched).toBe(0);
  });
});

describe('UnavailableCompileWorker', () => {
  it('refuses every job with COMPILE_004', async () => {
    expect(await new UnavailableCompileWorker().dispatch()).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
  });
});
