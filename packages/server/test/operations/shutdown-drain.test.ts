import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64, startCompileServer, type CompileServer } from '../compile/compile-server';
import { FakeWorker } from '../compile/fake-worker';
import { LiveClient } from '../realtime/support/live-client';

/**
 * Shutdown as a load balancer sees it: /readyz turns 503 at once (the listener still accepts during
 * SHUTDOWN_DRAIN_DELAY_MS), then the listener closes, STOMP sessions end with 1001, and a request
 * already in flight still gets its answer.
 */
describe('readiness and drain on shutdown', () => {
  let worker: FakeWorker;
  let api: CompileServer;
  beforeAll(async () => {
    worker = await FakeWorker.start();
    worker.behaviour = { kind: 'accept' }; // the run waits until the test completes its job
    api = await startCompileServer({
      env: { COMPILE_WORKER_URL: worker.url, COMPILE_DEADLINE_MS: '60000', COMPILE_COOLDOWN_S: '0', SHUTDOWN_DRAIN_DELAY_MS: '5000', SHUTDOWN_TIMEOUT_MS: '30000' },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
  });

  it('answers /readyz 503 from the start of shutdown, closes STOMP with 1001, and finishes the request in flight', async () => {
    const url = api.server.url;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const { headers } = await api.newUser();
    const live = await LiveClient.connect(url, { token: headers.authorization!.slice('Bearer '.length) });
    const inFlight = api.run(headers, { code: b64('int x;') });
    await expect.poll(() => worker.jobs.length).toBe(1);

    const closed = api.server.close();
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ code: 'GLOBAL_503', data: { status: 'DOWN', checks: { shutdown: 'DOWN' } } });

    // after the drain delay the listener stops accepting and live sessions are closed as going away
    await expect.poll(() => fetch(`${url}/healthz`).then(() => 'accepting', () => 'refused'), { timeout: 15_000 }).toBe('refused');
    await expect.poll(() => live.closeCode, { timeout: 10_000 }).toBe(1001);

    await api.jobs.complete(worker.jobs[0]!.jobId, { status: 'SUCCESS', output: 'drained\n' });
    const answered = await inFlight;
    expect([answered.status, answered.body.data]).toEqual([200, { status: 'SUCCESS', output: 'drained\n' }]);
    await closed;
  });
});
