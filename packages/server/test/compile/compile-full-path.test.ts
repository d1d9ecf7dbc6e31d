import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerApp, type WorkerApp } from '@sooscode/adapters/compile-worker/worker-app';
import { LocalCodeRunner } from '@sooscode/adapters/local-runner/local-code-runner';
import { b64, startCompileServer, type CompileServer } from './compile-server';
import { RecordingLogger } from './recording-logger';

const JAVA_HELLO = 'public class Hello {\n  public static void main(String[] args) {\n    System.out.println("Hello, SoosCode");\n  }\n}\n';

/** The standalone worker (what `pnpm worker` runs) on a loopback port. */
async function startWorker(token: string): Promise<{ url: string; worker: WorkerApp; close(): Promise<void> }> {
  const worker = createWorkerApp({ runner: new LocalCodeRunner(), token });
  const server: Server = createServer(worker.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    worker,
    async close() {
      await worker.idle();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('the full path with the standalone worker (COMPILE_WORKER_URL)', () => {
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let api: CompileServer;
  beforeAll(async () => {
    worker = await startWorker('shared-worker-token');
    api = await startCompileServer({
      env: {
        COMPILE_WORKER_URL: worker.url,
        COMPILE_WORKER_TOKEN: 'shared-worker-token',
        COMPILE_LANGUAGES: 'java,javascript',
        COMPILE_DEADLINE_MS: '20000',
        COMPILE_POLL_FALLBACK: 'true',
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.close();
  });

  it('runs JavaScript on the worker and answers its output', async () => {
    const { headers } = await api.newUser();
    const r = await api.run(headers, { code: b64('console.log("안녕, " + [1, 2, 3].map((n) => n * 2).join(","))'), language: 'javascript' });
    expect(r.body).toMatchObject({ code: 'COMPILE_000', data: { status: 'SUCCESS', output: '안녕, 2,4,6\n' } });
  });

  it('runs Java, finding the class that declares main, and reports a compile error as FAIL', async () => {
    const { headers } = await api.newUser();
    const ok = await api.run(headers, { code: b64(JAVA_HELLO) });
    expect(ok.body.data).toEqual({ status: 'SUCCESS', output: 'Hello, SoosCode\n' });
    const other = await api.newUser();
    const broken = await api.run(other.headers, { code: b64('public class Main { public static void main(String[] a) { int x = ; } }') });
    expect(broken.status).toBe(200);
    expect(broken.body.data).toMatchObject({ status: 'FAIL', output: expect.stringContaining('Compile Error') });
  });

  it('gets the result by polling the worker when the callback is lost (COMPILE_POLL_FALLBACK)', async () => {
    api.relay.dropping = true;
    try {
      const { headers } = await api.newUser();
      const r = await api.run(headers, { code: b64('console.log("polled")'), language: 'javascript' });
      expect(r.body.data).toEqual({ status: 'SUCCESS', output: 'polled\n' });
    } finally {
      api.relay.dropping = false;
    }
  });
});

describe('the full path with the local runner (no worker, bound to loopback)', () => {
  let api: CompileServer;
  const logger = new RecordingLogger();
  beforeAll(async () => {
    api = await startCompileServer({
      logger,
      env: { COMPILE_LANGUAGES: 'javascript', COMPILE_LOCAL_CONCURRENCY: '1', COMPILE_LOCAL_QUEUE: '0', COMPILE_COOLDOWN_S: '0' },
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('logs at start-up which sandbox the local runner uses', () => {
    expect(logger.entries.some((e) => e.level === 'info' && /^local compile runner sandbox: (bwrap|unshare) /.test(e.msg ?? ''))).toBe(true);
    expect(logger.entries.some((e) => e.msg === 'compile backend' && (e.obj as { backend?: string }).backend === 'local')).toBe(true);
  });

  it('runs the job in-process and completes it through the same path as a callback', async () => {
    const { headers } = await api.newUser();
    const ok = await api.run(headers, { code: b64('console.log("local " + (6 * 7))'), language: 'javascript' });
    expect(ok.body.data).toEqual({ status: 'SUCCESS', output: 'local 42\n' });
    const failed = await api.run(headers, { code: b64('throw new Error("boom")'), language: 'javascript' });
    expect(failed.body.data).toMatchObject({ status: 'FAIL', output: expect.stringContaining('boom') });
    expect(api.relay.forwarded).toBe(0);
  });

  it('answers 503 COMPILE_004 when the local run queue is full', async () => {
    const a = await api.newUser();
    const b = await api.newUser();
    const slow = api.run(a.headers, { code: b64('setTimeout(() => console.log("slow"), 1500)'), language: 'javascript' });
    await expect.poll(() => api.jobs.waiting()).toBe(1);
    const r = await api.run(b.headers, { code: b64('console.log(1)'), language: 'javascript' });
    expect([r.status, r.body.code]).toEqual([503, 'COMPILE_004']);
    expect((await slow).body.data).toEqual({ status: 'SUCCESS', output: 'slow\n' });
  });
});
