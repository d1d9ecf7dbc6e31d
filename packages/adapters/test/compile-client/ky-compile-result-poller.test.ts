import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunOutcome } from '@sooscode/domain';
import { createWorkerApp } from '../../src/compile-worker/worker-app';
import { KyCompileResultPoller } from '../../src/compile-client/ky-compile-result-poller';
import { RecordingCodeRunner } from '../compile-worker/fake-runners';
import { closedPort, HttpRecorder } from '../compile-worker/http-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('KyCompileResultPoller', () => {
  it('delivers the result of a job whose callback was lost', async () => {
    const runner = new RecordingCodeRunner(() => ({ status: 'SUCCESS', output: 'polled\n' }));
    runner.hold();
    const worker = createWorkerApp({ runner, token: 'tok', callback: { attempts: 1 } });
    const server: Server = worker.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    cleanups.push(async () => {
      await worker.idle();
      await new Promise((resolve) => server.close(resolve));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const res = await fetch(`${url}/api/compile/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer tok' },
      body: JSON.stringify({ jobId: 'job-1', code: 'x', language: 'python', callbackUrl: `http://127.0.0.1:${await closedPort()}/cb` }),
    });
    expect(res.status).toBe(200);

    const poller = new KyCompileResultPoller({ baseUrl: url, token: 'tok', startAfterMs: 20, intervalMs: 20 });
    cleanups.push(() => poller.close());
    const results: RunOutcome[] = [];
    poller.watch('job-1', Date.now() + 20_000, (o) => results.push(o));
    setTimeout(() => runner.release(), 100);
    await vi.waitFor(() => expect(results).toEqual([{ status: 'SUCCESS', output: 'polled\n' }]), { timeout: 5000 });
  });

  it('treats NOT_FOUND and errors as "not yet" and stops at the deadline without reporting', async () => {
    const fake = await HttpRecorder.start((_r, i) => (i % 2 === 0 ? { status: 200, body: { status: 'NOT_FOUND', output: null } } : { status: 500 }));
    cleanups.push(() => fake.close());
    const poller = new KyCompileResultPoller({ baseUrl: fake.url, startAfterMs: 10, intervalMs: 10 });
    const onResult = vi.fn();
    poller.watch('job-2', Date.now() + 300, onResult);
    await vi.waitFor(() => expect(fake.requests.length).toBeGreaterThanOrEqual(3));
    expect(fake.requests[0]?.url).toBe('/api/compile/result/job-2');
    const seen = await vi.waitFor(async () => {
      const before = fake.requests.length;
      await new Promise((r) => setTimeout(r, 100));
      expect(fake.requests.length).toBe(before); // polling has stopped
      return before;
    }, { timeout: 3000 });
    expect(seen).toBeGreaterThan(0);
    expect(onResult).not.toHaveBeenCalled();
  });

  it('stops polling when the watch is stopped', async () => {
    const fake = await HttpRecorder.start(() => ({ status: 200, body: { status: 'RUNNING', output: null } }));
    cleanups.push(() => fake.close());
    const poller = new KyCompileResultPoller({ baseUrl: fake.url, startAfterMs: 10, intervalMs: 10 });
    const stop = poller.watch('job-3', Date.now() + 60_000, () => undefined);
    await vi.waitFor(() => expect(fake.requests.length).toBeGreaterThanOrEqual(2));
    stop();
    const count = fake.requests.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.requests.length).toBeLessThanOrEqual(count + 1); // at most the poll already in flight
  });
});
