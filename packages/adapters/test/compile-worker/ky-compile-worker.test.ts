import { afterEach, describe, expect, it } from 'vitest';
import type { DispatchRequest } from '@sooscode/domain';
import { KyCompileWorker } from '../../src/compile-worker/ky-compile-worker';
import { isConnectError } from '../../src/compile-shared/connect-retry';
import { closedPort, HttpRecorder } from './http-recorder';

const request: DispatchRequest = {
  jobId: '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10',
  language: 'java',
  code: 'public class Main { }',
  callbackUrl: 'http://api.internal:8080/api/compile/callback/9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10?token=Qm9v',
};
const servers: HttpRecorder[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function fakeWorker(...args: Parameters<typeof HttpRecorder.start>): Promise<HttpRecorder> {
  const s = await HttpRecorder.start(...args);
  servers.push(s);
  return s;
}

describe('KyCompileWorker', () => {
  it('POSTs the job to /api/compile/run with the bearer token and succeeds on 2xx', async () => {
    const worker = await fakeWorker(() => ({ status: 200, body: { jobId: request.jobId } }));
    const client = new KyCompileWorker({ baseUrl: `${worker.url}/`, token: 'tok' });
    await expect(client.dispatch(request)).resolves.toEqual({ ok: true, value: undefined });
    expect(worker.requests).toHaveLength(1);
    expect(worker.requests[0]).toMatchObject({ method: 'POST', url: '/api/compile/run' });
    expect(worker.requests[0]?.headers.authorization).toBe('Bearer tok');
    expect(worker.requests[0]?.headers['content-type']).toMatch(/^application\/json/);
    expect(worker.jsonBodies()[0]).toEqual({ jobId: request.jobId, code: request.code, callbackUrl: request.callbackUrl, language: 'java' });
  });

  it('sends no Authorization header without a token and accepts a 202 without body', async () => {
    const worker = await fakeWorker(() => ({ status: 202 }));
    await expect(new KyCompileWorker({ baseUrl: worker.url }).dispatch(request)).resolves.toMatchObject({ ok: true });
    expect(worker.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('fails with COMPILE_004 when nothing listens', async () => {
    const client = new KyCompileWorker({ baseUrl: `http://127.0.0.1:${await closedPort()}`, retryDelayMs: 10 });
    await expect(client.dispatch(request)).resolves.toEqual({ ok: false, error: { code: 'COMPILE_004' } });
  });

  it('retries a refused connection within the dispatch timeout', async () => {
    const port = await closedPort();
    const client = new KyCompileWorker({ baseUrl: `http://127.0.0.1:${port}`, retryDelayMs: 300, dispatchTimeoutMs: 1500 });
    const pending = client.dispatch(request);
    await new Promise((r) => setTimeout(r, 50)); // the first attempt has been refused by now
    const worker = await fakeWorker(() => ({ status: 200 }), port);
    await expect(pending).resolves.toEqual({ ok: true, value: undefined });
    expect(worker.requests).toHaveLength(1);
  });

  it('fails with COMPILE_004 on a non-2xx answer, without retrying', async () => {
    const worker = await fakeWorker(() => ({ status: 503 }));
    await expect(new KyCompileWorker({ baseUrl: worker.url }).dispatch(request)).resolves.toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    expect(worker.requests).toHaveLength(1);
  });

  it('fails with COMPILE_004 at the dispatch timeout when the worker does not answer, without retrying', async () => {
    const worker = await fakeWorker(() => 'hang');
    const started = Date.now();
    const outcome = await new KyCompileWorker({ baseUrl: worker.url, dispatchTimeoutMs: 300 }).dispatch(request);
    expect(outcome).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    expect(Date.now() - started).toBeLessThan(5000); // the fake would hang forever otherwise
    expect(worker.requests).toHaveLength(1);
  });

  it('fails with COMPILE_004 when the connection is reset, without retrying (the job may have started)', async () => {
    const worker = await fakeWorker(() => 'drop');
    await expect(new KyCompileWorker({ baseUrl: worker.url }).dispatch(request)).resolves.toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    expect(worker.requests).toHaveLength(1);
  });
});

describe('isConnectError', () => {
  it('recognises connect failures in the fetch cause chain only', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
    const aggregate = new TypeError('fetch failed', { cause: Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {}) });
    expect(isConnectError(refused)).toBe(true);
    expect(isConnectError(aggregate)).toBe(true);
    expect(isConnectError(reset)).toBe(false);
    expect(isConnectError(new DOMException('timeout', 'TimeoutError'))).toBe(false);
  });
});
