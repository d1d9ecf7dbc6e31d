import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, chmod, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CodeRunner } from '@sooscode/domain';
import { createWorkerApp, type WorkerApp, type WorkerAppOptions } from '../../src/compile-worker/worker-app';
import { LocalCodeRunner } from '../../src/local-runner/local-code-runner';
import { RecordingCodeRunner } from './fake-runners';
import { closedPort, HttpRecorder } from './http-recorder';

const JOB = '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startWorker(runner: CodeRunner, options: Partial<WorkerAppOptions> = {}): Promise<{ worker: WorkerApp; url: string }> {
  const worker = createWorkerApp({ runner, callback: { retryDelayMs: 20, timeoutMs: 2000 }, ...options });
  const server: Server = worker.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  cleanups.push(async () => {
    await worker.idle();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { worker, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function receiver(): Promise<HttpRecorder> {
  const r = await HttpRecorder.start();
  cleanups.push(() => r.close());
  return r;
}

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/compile/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function result(url: string, jobId: string, headers: Record<string, string> = {}): Promise<unknown> {
  return (await fetch(`${url}/api/compile/result/${jobId}`, { headers })).json();
}

describe('createWorkerApp', () => {
  it('accepts a job, runs it and POSTs the result to the callback URL exactly as given', async () => {
    const runner = new RecordingCodeRunner();
    const { url } = await startWorker(runner);
    const cb = await receiver();
    const callbackUrl = `${cb.url}/api/compile/callback/${JOB}?token=Qm9v-_x`;

    const res = await post(url, { jobId: JOB, code: 'print(1)', callbackUrl, language: 'python', extra: 'ignored' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ jobId: JOB });

    await vi.waitFor(() => expect(cb.requests).toHaveLength(1));
    expect(cb.requests[0]).toMatchObject({ method: 'POST', url: `/api/compile/callback/${JOB}?token=Qm9v-_x` });
    expect(cb.requests[0]?.headers['content-type']).toMatch(/^application\/json/);
    expect(cb.jsonBodies()[0]).toEqual({ jobId: JOB, status: 'SUCCESS', output: 'ran python\n' });
    expect(runner.jobs).toEqual([{ jobId: JOB, language: 'python', code: 'print(1)' }]);
    expect(await result(url, JOB)).toEqual({ status: 'SUCCESS', output: 'ran python\n' });
  });

  it('defaults the language to java and treats it case-insensitively', async () => {
    const runner = new RecordingCodeRunner();
    const { url, worker } = await startWorker(runner);
    const cb = await receiver();
    expect((await post(url, { jobId: 'a1', code: 'class A {}', callbackUrl: cb.url })).status).toBe(200);
    expect((await post(url, { jobId: 'a2', code: 'x = 1', callbackUrl: cb.url, language: 'PYTHON' })).status).toBe(200);
    await worker.idle();
    expect(runner.jobs.map((j) => j.language).sort()).toEqual(['java', 'python']);
  });

  it('reports PENDING/RUNNING while the job runs, then the result; NOT_FOUND for unknown jobs', async () => {
    const runner = new RecordingCodeRunner(() => ({ status: 'FAIL', output: 'boom' }));
    runner.hold();
    const { url, worker } = await startWorker(runner);
    const cb = await receiver();
    await post(url, { jobId: JOB, code: 'x', callbackUrl: cb.url, language: 'javascript' });
    expect(['PENDING', 'RUNNING']).toContain(((await result(url, JOB)) as { status: string }).status);
    expect(await result(url, 'nope')).toEqual({ status: 'NOT_FOUND', output: null });
    runner.release();
    await worker.idle();
    expect(await result(url, JOB)).toEqual({ status: 'FAIL', output: 'boom' });
  });

  it('requires the bearer token on both endpoints when configured', async () => {
    const runner = new RecordingCodeRunner();
    const { url, worker } = await startWorker(runner, { token: 's3cret' });
    const cb = await receiver();
    const body = { jobId: JOB, code: 'x', callbackUrl: cb.url, language: 'python' };
    expect((await post(url, body)).status).toBe(401);
    expect((await post(url, body, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await fetch(`${url}/api/compile/result/${JOB}`)).status).toBe(401);
    expect(runner.jobs).toHaveLength(0);
    expect((await post(url, body, { authorization: 'Bearer s3cret' })).status).toBe(200);
    await worker.idle();
    expect(await result(url, JOB, { authorization: 'Bearer s3cret' })).toMatchObject({ status: 'SUCCESS' });
  });

  it.each([
    ['not JSON', '{', 400],
    ['not an object', '[1]', 400],
    ['no jobId', { code: 'x', callbackUrl: 'http://127.0.0.1:1/cb' }, 400],
    ['a jobId with a slash', { jobId: 'a/b', code: 'x', callbackUrl: 'http://127.0.0.1:1/cb' }, 400],
    ['blank code', { jobId: 'j', code: '  \n', callbackUrl: 'http://127.0.0.1:1/cb' }, 400],
    ['a non-http callback', { jobId: 'j', code: 'x', callbackUrl: 'file:///etc/passwd' }, 400],
    ['an unknown language', { jobId: 'j', code: 'x', callbackUrl: 'http://127.0.0.1:1/cb', language: 'cobol' }, 400],
  ])('answers %s with %i and runs nothing', async (_name, body, status) => {
    const runner = new RecordingCodeRunner();
    const { url } = await startWorker(runner);
    expect((await post(url, body)).status).toBe(status);
    expect(runner.jobs).toHaveLength(0);
  });

  it('answers a non-JSON content type with 415', async () => {
    const { url } = await startWorker(new RecordingCodeRunner());
    const res = await fetch(`${url}/api/compile/run`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
  });

  it('answers a disabled language with 400', async () => {
    const { url } = await startWorker(new RecordingCodeRunner(), { languages: ['java'] });
    expect((await post(url, { jobId: 'j', code: 'x', callbackUrl: 'http://127.0.0.1:1/cb', language: 'python' })).status).toBe(400);
  });

  it('rejects blacklisted code as a FAIL result without running it', async () => {
    const runner = new RecordingCodeRunner();
    const { url } = await startWorker(runner);
    const cb = await receiver();
    const code = 'public class Main { public static void main(String[] a) { System.exit(1); } }';
    await post(url, { jobId: JOB, code, callbackUrl: cb.url, language: 'java' });
    await vi.waitFor(() => expect(cb.requests).toHaveLength(1));
    const sent = cb.jsonBodies()[0] as { status: string; output: string };
    expect(sent.status).toBe('FAIL');
    expect(sent.output).toMatch(/^Security Error: .*System\.exit/);
    expect(runner.jobs).toHaveLength(0);
  });

  it('retries the callback after a network error but not after an HTTP error', async () => {
    const { url, worker } = await startWorker(new RecordingCodeRunner());
    const flaky = await HttpRecorder.start((_req, i) => (i === 0 ? 'drop' : { status: 200 }));
    const failing = await HttpRecorder.start(() => ({ status: 500 }));
    cleanups.push(() => flaky.close(), () => failing.close());
    await post(url, { jobId: 'f1', code: 'x', callbackUrl: `${flaky.url}/cb`, language: 'python' });
    await post(url, { jobId: 'f2', code: 'x', callbackUrl: `${failing.url}/cb`, language: 'python' });
    await worker.idle();
    expect(flaky.requests).toHaveLength(2);
    expect(failing.requests).toHaveLength(1);
  });

  it('gives up on an unreachable callback after the configured attempts and keeps the result', async () => {
    const { url, worker } = await startWorker(new RecordingCodeRunner(), { callback: { attempts: 2, retryDelayMs: 10 } });
    await post(url, { jobId: JOB, code: 'x', callbackUrl: `http://127.0.0.1:${await closedPort()}/cb`, language: 'python' });
    await worker.idle();
    expect(await result(url, JOB)).toEqual({ status: 'SUCCESS', output: 'ran python\n' });
  });

  it('does not run a repeated jobId twice', async () => {
    const runner = new RecordingCodeRunner();
    const { url, worker } = await startWorker(runner);
    const cb = await receiver();
    const body = { jobId: JOB, code: 'x', callbackUrl: cb.url, language: 'python' };
    expect((await post(url, body)).status).toBe(200);
    expect((await post(url, body)).status).toBe(200);
    await worker.idle();
    expect(runner.jobs).toHaveLength(1);
  });

  it('answers 503 when it already holds the maximum of active jobs', async () => {
    const runner = new RecordingCodeRunner();
    runner.hold();
    const { url } = await startWorker(runner, { maxActiveJobs: 1 });
    const cb = await receiver();
    expect((await post(url, { jobId: 'b1', code: 'x', callbackUrl: cb.url, language: 'python' })).status).toBe(200);
    expect((await post(url, { jobId: 'b2', code: 'x', callbackUrl: cb.url, language: 'python' })).status).toBe(503);
    runner.release();
  });

  it('answers 503 {error: "unavailable"} and runs nothing when its runner has no sandbox', async () => {
    const runner = new RecordingCodeRunner();
    const { url } = await startWorker(runner, { unavailable: true });
    const cb = await receiver();
    const r = await post(url, { jobId: 'u1', code: 'x', callbackUrl: cb.url, language: 'python' });
    expect([r.status, await r.json()]).toEqual([503, { error: 'unavailable' }]);
    expect(runner.jobs).toEqual([]);
  });

  it('reports a runner failure as ERROR', async () => {
    const runner: CodeRunner = { run: () => Promise.reject(new Error('broken')) };
    const { url } = await startWorker(runner);
    const cb = await receiver();
    await post(url, { jobId: JOB, code: 'x', callbackUrl: cb.url, language: 'python' });
    await vi.waitFor(() => expect(cb.jsonBodies()).toEqual([{ jobId: JOB, status: 'ERROR', output: '' }]));
  });

  it('runs real code end to end with the local runner', async () => {
    const tempRoot = await mkdtemp(join(tmpdir(), 'sooscode-worker-test-'));
    await chmod(tempRoot, 0o711);
    cleanups.push(() => rm(tempRoot, { recursive: true, force: true }));
    const { url } = await startWorker(new LocalCodeRunner({ tempRoot }));
    const cb = await receiver();
    await post(url, { jobId: JOB, code: 'print("Hello, SoosCode")', callbackUrl: `${cb.url}/cb?token=t`, language: 'python' });
    await vi.waitFor(() => expect(cb.jsonBodies()).toEqual([{ jobId: JOB, status: 'SUCCESS', output: 'Hello, SoosCode\n' }]), { timeout: 10_000 });
  });
});
