import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DispatchRequest, RunOutcome } from '@sooscode/domain';
import { Judge0CompileWorker, type Judge0CompileWorkerOptions } from '../../src/judge0/judge0-compile-worker';
import { Judge0Poller } from '../../src/judge0/judge0-poller';
import { mapJudge0Submission } from '../../src/judge0/judge0-result';
import { closedPort, HttpRecorder } from '../compile-worker/http-recorder';
import { FakeJudge0 } from './fake-judge0';

const JOB = '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10';
const req = (over: Partial<DispatchRequest> = {}): DispatchRequest => ({
  jobId: JOB,
  language: 'java',
  code: 'public class Main { public static void main(String[] a) { System.out.println("안녕"); } }',
  callbackUrl: 'http://ignored.example/api/compile/callback/x?token=t',
  ...over,
});

let judge0: FakeJudge0;
let api: HttpRecorder;
const closers: (() => void)[] = [];

beforeEach(async () => {
  judge0 = await FakeJudge0.start();
  api = await HttpRecorder.start();
});

afterEach(async () => {
  for (const c of closers.splice(0)) c();
  await judge0.close();
  await api.close();
});

function worker(options: Partial<Judge0CompileWorkerOptions> = {}): Judge0CompileWorker {
  return new Judge0CompileWorker({
    baseUrl: judge0.url,
    authToken: 'judge0-secret',
    callbackUrlFor: (jobId) => `${api.url}/api/compile/judge0/callback/${jobId}?token=hmac-${jobId.slice(0, 4)}`,
    ...options,
  });
}

function poller(onResult: (jobId: string, outcome: RunOutcome) => void, over: Partial<ConstructorParameters<typeof Judge0Poller>[0]> = {}): Judge0Poller {
  const p = new Judge0Poller({ baseUrl: judge0.url, authToken: 'judge0-secret', pollAfterMs: 20, pollIntervalMs: 20, onResult, ...over });
  closers.push(() => p.close());
  return p;
}

describe('Judge0CompileWorker', () => {
  it('submits per the contract and keeps the token of the job', async () => {
    const w = worker({ limits: { cpuTimeS: 100, wallTimeS: 1, memoryKb: 10_000_000 } });
    await expect(w.dispatch(req())).resolves.toEqual({ ok: true, value: undefined });
    expect(judge0.submissions).toHaveLength(1);
    const s = judge0.submissions[0];
    expect(s?.query.get('base64_encoded')).toBe('true');
    expect(s?.query.get('wait')).toBe('false');
    expect(s?.headers['x-auth-token']).toBe('judge0-secret');
    expect(s?.body).toEqual({
      source_code: Buffer.from(req().code, 'utf8').toString('base64'),
      language_id: 62,
      stdin: '',
      redirect_stderr_to_stdout: true,
      enable_network: false,
      cpu_time_limit: 15,
      wall_time_limit: 1,
      memory_limit: 512_000,
      callback_url: `${api.url}/api/compile/judge0/callback/${JOB}?token=hmac-9b1d`,
    });
    expect(w.submissionToken(JOB)).toBe(s?.token);
  });

  it('uses the default limits and language ids, which are configurable', async () => {
    await worker().dispatch(req({ language: 'python' }));
    await worker().dispatch(req({ language: 'javascript' }));
    await worker({ languageIds: { python: 92 } }).dispatch(req({ language: 'python' }));
    expect(judge0.submissions.map((s) => s.body.language_id)).toEqual([71, 63, 92]);
    expect(judge0.submissions[0]?.body).toMatchObject({ cpu_time_limit: 2, wall_time_limit: 3, memory_limit: 256_000 });
  });

  it('delivers the result through the PUT callback', async () => {
    judge0.verdict = () => ({ statusId: 3, stdout: '안녕\n' });
    await worker().dispatch(req());
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));
    expect(api.requests[0]).toMatchObject({ method: 'PUT', url: `/api/compile/judge0/callback/${JOB}?token=hmac-9b1d` });
    expect(mapJudge0Submission(api.jsonBodies()[0])).toEqual({ final: true, status: 'SUCCESS', output: '안녕\n' });
  });

  it('delivers the result by polling when the callback is lost', async () => {
    judge0.loseCallbacks = true;
    judge0.runMs = 80;
    judge0.verdict = () => ({ statusId: 6, compileOutput: 'Main.java:1: error: oops\n' });
    const results: [string, RunOutcome][] = [];
    const p = poller((jobId, outcome) => results.push([jobId, outcome]));
    await worker({ poller: p }).dispatch(req());
    await vi.waitFor(() => expect(results).toEqual([[JOB, { status: 'FAIL', output: 'Compile Error: Main.java:1: error: oops\n' }]]));
    expect(api.requests).toHaveLength(0);
    expect(judge0.polls.length).toBeGreaterThanOrEqual(1);
    const poll = judge0.polls[0];
    expect(poll?.token).toBe(judge0.submissions[0]?.token);
    expect(poll?.query.get('base64_encoded')).toBe('true');
    expect(poll?.query.get('fields')).toBe('status,stdout,stderr,compile_output,message');
    expect(poll?.headers['x-auth-token']).toBe('judge0-secret');
    expect(p.watching).toBe(0);
  });

  it('stops polling a job once it is forgotten', async () => {
    judge0.loseCallbacks = true;
    judge0.runMs = 60_000;
    const onResult = vi.fn();
    const p = poller(onResult);
    const w = worker({ poller: p });
    await w.dispatch(req());
    await vi.waitFor(() => expect(judge0.polls.length).toBeGreaterThanOrEqual(1));
    w.forget(JOB);
    expect(p.watching).toBe(0);
    expect(w.submissionToken(JOB)).toBeUndefined();
    expect(onResult).not.toHaveBeenCalled();
  });

  it('stops polling at the deadline without reporting', async () => {
    judge0.loseCallbacks = true;
    judge0.runMs = 60_000;
    const onResult = vi.fn();
    const p = poller(onResult, { deadlineMs: 200 });
    await worker({ poller: p }).dispatch(req());
    await vi.waitFor(() => expect(p.watching).toBe(0), { timeout: 3000 });
    expect(judge0.polls.length).toBeGreaterThanOrEqual(1);
    expect(onResult).not.toHaveBeenCalled();
  });

  it.each([
    [503, 'COMPILE_004'],
    [401, 'COMPILE_004'],
    [403, 'COMPILE_004'],
    [500, 'COMPILE_004'],
    [422, 'COMPILE_006'],
  ])('maps a %i submission answer to %s', async (status, code) => {
    judge0.submitStatus = status;
    const w = worker();
    await expect(w.dispatch(req())).resolves.toEqual({ ok: false, error: { code } });
    expect(w.submissionToken(JOB)).toBeUndefined();
  });

  it('fails with COMPILE_004 when Judge0 is unreachable', async () => {
    const w = worker({ baseUrl: `http://127.0.0.1:${await closedPort()}`, retryDelayMs: 10 });
    await expect(w.dispatch(req())).resolves.toEqual({ ok: false, error: { code: 'COMPILE_004' } });
  });

  it('fails with COMPILE_004 at the dispatch timeout when Judge0 does not answer', async () => {
    const silent = await HttpRecorder.start(() => 'hang');
    try {
      const w = worker({ baseUrl: silent.url, dispatchTimeoutMs: 300 });
      await expect(w.dispatch(req())).resolves.toEqual({ ok: false, error: { code: 'COMPILE_004' } });
      expect(silent.requests).toHaveLength(1);
    } finally {
      await silent.close();
    }
  });
});
