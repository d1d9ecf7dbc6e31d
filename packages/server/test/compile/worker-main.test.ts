import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { startCompileWorker, type CompileWorkerServer } from '../../src/worker-server';
import { b64, startCompileServer, type CompileServer } from './compile-server';
import { RecordingLogger } from './recording-logger';

const WORKER_MAIN = fileURLToPath(new URL('../../src/worker-main.ts', import.meta.url));

describe('the standalone worker (startCompileWorker, pnpm worker)', () => {
  let worker: CompileWorkerServer;
  let api: CompileServer;
  const logger = new RecordingLogger();
  beforeAll(async () => {
    worker = await startCompileWorker(
      loadConfig({ HOST: '127.0.0.1', WORKER_PORT: '0', COMPILE_WORKER_TOKEN: 'worker-secret-token', COMPILE_LANGUAGES: 'javascript', SHUTDOWN_TIMEOUT_MS: '5000' }),
      logger,
    );
    api = await startCompileServer({ env: { COMPILE_WORKER_URL: worker.url, COMPILE_WORKER_TOKEN: 'worker-secret-token', COMPILE_LANGUAGES: 'javascript' } });
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.close();
  });

  it('serves the API as its worker, with the token required', async () => {
    const { headers } = await api.newUser();
    const r = await api.run(headers, { code: b64('console.log("via pnpm worker")'), language: 'javascript' });
    expect(r.body.data).toEqual({ status: 'SUCCESS', output: 'via pnpm worker\n' });
    const anonymous = await fetch(`${worker.url}/api/compile/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
  });

  it('logs at start-up which sandbox its runner uses', () => {
    expect(logger.entries.some((e) => e.level === 'info' && /^local compile runner sandbox: (bwrap|unshare) /.test(e.msg ?? ''))).toBe(true);
  });

  it('finishes a running job before it closes', async () => {
    const received: string[] = [];
    const sink = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push(body);
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const other = await startCompileWorker(loadConfig({ HOST: '127.0.0.1', WORKER_PORT: '0', COMPILE_LANGUAGES: 'javascript' }), new RecordingLogger());
    const jobId = '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10';
    const callbackUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/cb`;
    const accepted = await fetch(`${other.url}/api/compile/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jobId, code: 'setTimeout(() => console.log("late"), 300)', callbackUrl, language: 'javascript' }),
    });
    expect(accepted.status).toBe(200);
    await other.close();
    expect(received.map((b) => JSON.parse(b) as unknown)).toEqual([{ jobId, status: 'SUCCESS', output: 'late\n' }]);
    sink.closeAllConnections();
    await new Promise((resolve) => sink.close(resolve));
  });

  it('starts with one command and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_MAIN], {
      env: { ...process.env, HOST: '127.0.0.1', WORKER_PORT: '0', LOG_LEVEL: 'info', COMPILE_LANGUAGES: 'javascript' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out)?.[1], { timeout: 20_000 }).toBeDefined();
      const url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out)![1]!;
      const state = await fetch(`${url}/api/compile/result/9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10`);
      expect(await state.json()).toEqual({ status: 'NOT_FOUND', output: null });
      expect(out).toMatch(/sandbox/i);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
