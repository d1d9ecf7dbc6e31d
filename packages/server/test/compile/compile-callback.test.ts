import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64, startCompileServer, type CompileServer } from './compile-server';
import { FakeWorker, type ReceivedJob } from './fake-worker';
import { RecordingLogger } from './recording-logger';

const UNKNOWN = '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10';

describe('POST /api/compile/callback/{jobId}: the checks of compile.md §4', () => {
  let worker: FakeWorker;
  let api: CompileServer;
  const logger = new RecordingLogger();
  beforeAll(async () => {
    worker = await FakeWorker.start();
    api = await startCompileServer({ logger, env: { COMPILE_WORKER_URL: worker.url, COMPILE_DEADLINE_MS: '4000', COMPILE_COOLDOWN_S: '0' } });
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => api.http.json('POST', path, { body, headers });
  const urlOf = (jobId: string, token = api.callbacks.tokenFor(jobId)) => `/api/compile/callback/${jobId}?token=${token}`;

  /** Starts a run whose job waits for a callback. */
  async function pendingRun(): Promise<{ job: ReceivedJob; answer: Promise<{ status: number; body: Record<string, unknown> }> }> {
    worker.behaviour = { kind: 'accept' };
    const { headers } = await api.newUser();
    const dispatched = worker.jobs.length;
    const answer = api.run(headers, { code: b64('int x;') });
    await expect.poll(() => worker.jobs.length).toBe(dispatched + 1);
    return { job: worker.jobs.at(-1)!, answer };
  }

  it('completes the waiting request with the first valid result, answering 200 COMPILE_000 without data', async () => {
    const { job, answer } = await pendingRun();
    const r = await post(urlOf(job.jobId), { jobId: job.jobId, status: 'SUCCESS', output: 'Hello, SoosCode\n' });
    expect([r.status, r.body]).toEqual([200, { success: true, status: 200, code: 'COMPILE_000', message: '컴파일 완료' }]);
    expect((await answer).body.data).toEqual({ status: 'SUCCESS', output: 'Hello, SoosCode\n' });
  });

  it('answers 404 COMPILE_012 for a malformed jobId before looking at the token', async () => {
    for (const id of ['not-a-uuid', UNKNOWN.toUpperCase(), `${UNKNOWN}0`]) {
      const r = await post(`/api/compile/callback/${id}`, { status: 'SUCCESS' });
      expect([id, r.status, r.body.code]).toEqual([id, 404, 'COMPILE_012']);
    }
    expect((await post(`/api/compile/callback/${UNKNOWN}`, { status: 'SUCCESS' })).body.code).toBe('COMPILE_011');
  });

  it('answers 401 COMPILE_011 to forged callbacks, which change nothing', async () => {
    const { job, answer } = await pendingRun();
    const forged = [
      `/api/compile/callback/${job.jobId}`,
      `/api/compile/callback/${job.jobId}?token=`,
      urlOf(job.jobId, 'A'.repeat(43)),
      urlOf(job.jobId, api.callbacks.tokenFor(UNKNOWN)),
      urlOf(job.jobId, `${api.callbacks.tokenFor(job.jobId)}x`),
    ];
    for (const path of forged) {
      const r = await post(path, { jobId: job.jobId, status: 'SUCCESS', output: 'forged' });
      expect([r.status, r.body]).toEqual([401, { success: false, status: 401, code: 'COMPILE_011', message: '유효하지 않은 컴파일 콜백입니다.' }]);
    }
    expect((await api.jobs.find(job.jobId))?.state).toBe('PENDING');
    expect((await post(`/api/compile/callback/${job.jobId}`, { status: 'FAIL', output: 'real' }, { 'x-compile-callback-token': api.callbacks.tokenFor(job.jobId) })).status).toBe(200);
    expect((await answer).body.data).toEqual({ status: 'FAIL', output: 'real' });
  });

  it('answers 404 COMPILE_012 for a well-signed callback of a job never issued', async () => {
    const r = await post(urlOf(UNKNOWN), { status: 'SUCCESS', output: '' });
    expect([r.status, r.body]).toEqual([404, { success: false, status: 404, code: 'COMPILE_012', message: '존재하지 않는 컴파일 작업입니다.' }]);
  });

  it('checks the body only after the credentials: 415, 400, then 400 GLOBAL_410 with a detail', async () => {
    const { job, answer } = await pendingRun();
    const path = urlOf(job.jobId);
    const text = await api.http.json('POST', path, { raw: 'status=SUCCESS', headers: { 'content-type': 'text/plain' } });
    expect([text.status, text.body.code]).toEqual([415, 'GLOBAL_415']);
    const broken = await api.http.json('POST', path, { raw: '{"status":', headers: { 'content-type': 'application/json' } });
    expect([broken.status, broken.body.code]).toEqual([400, 'GLOBAL_400']);
    const invalid: [unknown, string][] = [
      [{ jobId: UNKNOWN, status: 'SUCCESS' }, 'jobId: 허용되지 않는 값입니다'],
      [{ output: 'x' }, 'status: 필수 값입니다'],
      [{ status: 'RUNNING' }, 'status: 허용되지 않는 값입니다'],
      [{ status: 'SUCCESS', output: ['x'] }, 'output: 형식이 올바르지 않습니다'],
    ];
    for (const [body, detail] of invalid) {
      const r = await post(path, body);
      expect([r.status, r.body.code, r.body.message]).toEqual([400, 'GLOBAL_410', `입력값 검증에 실패했습니다 - ${detail}`]);
    }
    expect((await api.jobs.find(job.jobId))?.state).toBe('PENDING');
    await post(path, { status: 'SUCCESS', output: 'fine' });
    expect((await answer).status).toBe(200);
  });

  it('answers duplicate callbacks 200 without changing the stored result', async () => {
    const { job, answer } = await pendingRun();
    expect((await post(urlOf(job.jobId), { status: 'SUCCESS', output: 'first' })).status).toBe(200);
    const dup = await post(urlOf(job.jobId), { status: 'FAIL', output: 'second' });
    expect([dup.status, dup.body]).toEqual([200, { success: true, status: 200, code: 'COMPILE_000', message: '컴파일 완료' }]);
    expect((await api.jobs.find(job.jobId))?.result).toEqual({ status: 'SUCCESS', output: 'first' });
    expect((await answer).body.data).toEqual({ status: 'SUCCESS', output: 'first' });
  });

  it('does not serve the Judge0 callback outside judge0 mode', async () => {
    const r = await api.http.json('PUT', urlOf(UNKNOWN).replace('/callback/', '/judge0/callback/'), { body: {} });
    expect([r.status, r.body.code]).toEqual([404, 'GLOBAL_404']);
  });

  it('never logs a callback token', async () => {
    const { job } = await pendingRun();
    await post(urlOf(job.jobId), { status: 'SUCCESS', output: 'x' });
    const logged = logger.text();
    expect(logged).toContain('"route":"/api/compile/callback/:jobId"'); // the access log names the route, never the URL
    for (const j of worker.jobs) expect(logged).not.toContain(api.callbacks.tokenFor(j.jobId));
  });
});
