import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeHttpCompileWorker } from '../../src/compile-client/node-http-compile-worker';
import { closedPort, HttpRecorder } from '../compile-worker/http-recorder';

const JOB = { jobId: '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10', language: 'java' as const, code: 'public class Main { }', callbackUrl: 'http://api.internal/cb?token=abc' };

interface Seen {
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const servers: Server[] = [];
const recorders: HttpRecorder[] = [];
const clients: NodeHttpCompileWorker[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const r of recorders.splice(0)) await r.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function fakeWorker(answer: (res: ServerResponse, n: number) => void, keepAliveTimeout = 5000): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      answer(res, seen.length);
    });
  });
  server.keepAliveTimeout = keepAliveTimeout;
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

async function recorder(...args: Parameters<typeof HttpRecorder.start>): Promise<HttpRecorder> {
  const r = await HttpRecorder.start(...args);
  recorders.push(r);
  return r;
}

function client(options: ConstructorParameters<typeof NodeHttpCompileWorker>[0]): NodeHttpCompileWorker {
  const c = new NodeHttpCompileWorker(options);
  clients.push(c);
  return c;
}

const reply = (status: number) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jobId: JOB.jobId }));
};

describe('NodeHttpCompileWorker (compile.md §3 dispatch)', () => {
  it('POSTs the job with the bearer token and succeeds on any 2xx', async () => {
    const w = await fakeWorker(reply(200));
    expect(await client({ baseUrl: `${w.url}/`, token: 'tok' }).dispatch(JOB)).toEqual({ ok: true, value: undefined });
    expect(w.seen[0]!.url).toBe('/api/compile/run');
    expect(w.seen[0]!.headers.authorization).toBe('Bearer tok');
    expect(w.seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(w.seen[0]!.body)).toEqual({ jobId: JOB.jobId, code: JOB.code, callbackUrl: JOB.callbackUrl, language: 'java' });
    const noBody = await fakeWorker((res) => res.writeHead(202).end());
    expect((await client({ baseUrl: noBody.url }).dispatch(JOB)).ok).toBe(true);
    expect(noBody.seen[0]!.headers.authorization).toBeUndefined();
  });

  it('fails with COMPILE_004 on a non-2xx answer, without retrying', async () => {
    for (const status of [500, 503, 401, 404, 302]) {
      const w = await fakeWorker(reply(status));
      expect(await client({ baseUrl: w.url }).dispatch(JOB)).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
      expect(w.seen).toHaveLength(1);
    }
  });

  it('fails with COMPILE_004 when no answer comes within the dispatch timeout, without retrying', async () => {
    const w = await fakeWorker(() => undefined);
    const started = Date.now();
    expect(await client({ baseUrl: w.url, dispatchTimeoutMs: 200 }).dispatch(JOB)).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(w.seen).toHaveLength(1);
  });

  it('retries refused connections within the budget, then fails with COMPILE_004', async () => {
    const w = await fakeWorker(reply(200));
    const port = new URL(w.url).port;
    const server = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    const started = Date.now();
    expect(await client({ baseUrl: `http://127.0.0.1:${port}`, retryDelayMs: 50, dispatchTimeoutMs: 1000 }).dispatch(JOB)).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100); // two pauses of 50 ms: it did retry
  });

  it('reuses connections and survives a worker that closed an idle one', async () => {
    const w = await fakeWorker(reply(200), 100);
    const c = client({ baseUrl: w.url });
    expect((await c.dispatch(JOB)).ok).toBe(true);
    expect((await c.dispatch(JOB)).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the worker closes the idle connection
    expect((await c.dispatch(JOB)).ok).toBe(true);
    expect(w.seen).toHaveLength(3);
  });
});

describe('NodeHttpCompileWorker against a recording worker (the cases of the former KyCompileWorker)', () => {
  it('POSTs the job to /api/compile/run with the bearer token and succeeds on 2xx', async () => {
    const worker = await recorder(() => ({ status: 200, body: { jobId: JOB.jobId } }));
    const dispatcher = client({ baseUrl: `${worker.url}/`, token: 'tok' });
    await expect(dispatcher.dispatch(JOB)).resolves.toEqual({ ok: true, value: undefined });
    expect(worker.requests).toHaveLength(1);
    expect(worker.requests[0]).toMatchObject({ method: 'POST', url: '/api/compile/run' });
    expect(worker.requests[0]?.headers.authorization).toBe('Bearer tok');
    expect(worker.requests[0]?.headers['content-type']).toMatch(/^application\/json/);
    expect(worker.jsonBodies()[0]).toEqual({ jobId: JOB.jobId, code: JOB.code, callbackUrl: JOB.callbackUrl, language: 'java' });
  });

  it('sends no Authorization header without a token and accepts a 202 without body', async () => {
    const worker = await recorder(() => ({ status: 202 }));
    await expect(client({ baseUrl: worker.url }).dispatch(JOB)).resolves.toMatchObject({ ok: true });
    expect(worker.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('fails with COMPILE_004 when nothing listens', async () => {
    const dispatcher = client({ baseUrl: `http://127.0.0.1:${await closedPort()}`, retryDelayMs: 10 });
    await expect(dispatcher.dispatch(JOB)).resolves.toEqual({ ok: false, error: { code: 'COMPILE_004' } });
  });

  it('retries a refused connection within the dispatch timeout', async () => {
    const port = await closedPort();
    const dispatcher = client({ baseUrl: `http://127.0.0.1:${port}`, retryDelayMs: 300, dispatchTimeoutMs: 1500 });
    const pending = dispatcher.dispatch(JOB);
    await new Promise((r) => setTimeout(r, 50)); // the first attempt has been refused by now
    const worker = await recorder(() => ({ status: 200 }), port);
    await expect(pending).resolves.toEqual({ ok: true, value: undefined });
    expect(worker.requests).toHaveLength(1);
  });

  it('fails with COMPILE_004 on a non-2xx answer, without retrying', async () => {
    const worker = await recorder(() => ({ status: 503 }));
    await expect(client({ baseUrl: worker.url }).dispatch(JOB)).resolves.toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    expect(worker.requests).toHaveLength(1);
  });

  it('fails with COMPILE_004 at the dispatch timeout when the worker does not answer, without retrying', async () => {
    const worker = await recorder(() => 'hang');
    const started = Date.now();
    const outcome = await client({ baseUrl: worker.url, dispatchTimeoutMs: 300 }).dispatch(JOB);
    expect(outcome).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    expect(Date.now() - started).toBeLessThan(5000); // the fake would hang forever otherwise
    expect(worker.requests).toHaveLength(1);
  });

  it('fails with COMPILE_004 when the connection is reset, without retrying (the job may have started)', async () => {
    const worker = await recorder(() => 'drop');
    await expect(client({ baseUrl: worker.url }).dispatch(JOB)).resolves.toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    expect(worker.requests).toHaveLength(1);
  });
});
