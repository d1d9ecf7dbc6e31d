import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_POSTGRES, HAS_REDIS } from '../../../adapters/test/support/services';
import { startTestServer } from '../support/test-server';
import { CallbackRelay } from './callback-relay';
import { b64, CALLBACK_SECRET, startCompileServer, wrap, type CompileServer } from './compile-server';
import { FakeWorker } from './fake-worker';

const COMPILE_ENV = { COMPILE_COOLDOWN_S: '1', COMPILE_DEADLINE_MS: '2000' };

/**
 * Two API instances sharing Postgres and Redis (same REDIS_KEY_PREFIX and callback secret). The
 * worker is told to call back to node B (A's COMPILE_CALLBACK_BASE_URL is B's relay), while the
 * browser's request waits on node A.
 */
describe.skipIf(!HAS_REDIS || !HAS_POSTGRES)('compile across two nodes (compile.md §5)', () => {
  let worker: FakeWorker;
  let b: CompileServer;
  let a: CompileServer;
  beforeAll(async () => {
    worker = await FakeWorker.start();
    b = await startCompileServer({ redis: true, env: { COMPILE_WORKER_URL: worker.url, ...COMPILE_ENV } });
    const toB = await CallbackRelay.start();
    toB.target = b.server.url;
    const cfg = b.server.settings.config;
    const serverA = await startTestServer({
      redis: true,
      env: {
        DATABASE_URL: cfg.databaseUrl!,
        REDIS_KEY_PREFIX: cfg.redisKeyPrefix,
        COMPILE_CALLBACK_SECRET: CALLBACK_SECRET,
        COMPILE_CALLBACK_BASE_URL: toB.url,
        COMPILE_WORKER_URL: worker.url,
        ...COMPILE_ENV,
      },
    });
    a = wrap(serverA, toB);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await worker?.stop();
  });

  it('completes the request waiting on node A with a callback that lands on node B', async () => {
    worker.behaviour = { kind: 'callback', result: { status: 'SUCCESS', output: 'from B\n' } };
    const { headers } = await a.newUser();
    const forwardedBefore = a.relay.forwarded;
    const r = await a.run(headers, { code: b64('int x;') });
    expect(r.body).toMatchObject({ code: 'COMPILE_000', data: { status: 'SUCCESS', output: 'from B\n' } });
    await expect.poll(() => a.relay.forwarded).toBe(forwardedBefore + 1); // the callback went to B, not A
    await expect.poll(() => worker.callbackStatuses.at(-1)).toBe(200);
    const job = worker.jobs.at(-1)!;
    expect(job.callbackUrl.startsWith(`${a.relay.url}/api/compile/callback/`)).toBe(true);
    expect((await a.jobs.find(job.jobId))?.state).toBe('DONE');
    expect((await b.jobs.find(job.jobId))?.result).toEqual({ status: 'SUCCESS', output: 'from B\n' });
  });

  it('shares the cooldown and the in-flight slot between the nodes', async () => {
    worker.behaviour = { kind: 'accept' };
    const { headers } = await a.newUser();
    const dispatched = worker.jobs.length;
    const waiting = a.run(headers, { code: b64('int x;') });
    await expect.poll(() => worker.jobs.length).toBe(dispatched + 1);
    const job = worker.jobs.at(-1)!;
    await expect.poll(async () => (await b.jobs.find(job.jobId))?.state).toBe('PENDING');
    expect((await b.run(headers, { code: b64('int x;') })).body.code).toBe('COMPILE_010');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await b.run(headers, { code: b64('int x;') })).body.code).toBe('COMPILE_009');
    expect(await worker.callBack(job, { jobId: job.jobId, status: 'FAIL', output: 'done' })).toBe(200);
    expect((await waiting).body.data).toEqual({ status: 'FAIL', output: 'done' });
    worker.behaviour = { kind: 'callback', result: { status: 'SUCCESS', output: 'slot freed' } };
    expect((await b.run(headers, { code: b64('int x;') })).body.data).toEqual({ status: 'SUCCESS', output: 'slot freed' });
  });

  it('answers forged, duplicate and late callbacks on either node without changing a finished job', async () => {
    worker.behaviour = { kind: 'callback', result: { status: 'SUCCESS', output: 'first' } };
    const { headers } = await a.newUser();
    await a.run(headers, { code: b64('int x;') });
    const done = worker.jobs.at(-1)!;
    const onA = `${a.server.url}/api/compile/callback/${done.jobId}`;
    expect(await worker.callBack(done, { status: 'FAIL', output: 'forged' }, `${onA}?token=${'x'.repeat(43)}`)).toBe(401);
    expect(await worker.callBack(done, { status: 'FAIL', output: 'duplicate' }, `${onA}?token=${a.callbacks.tokenFor(done.jobId)}`)).toBe(200);
    expect((await b.jobs.find(done.jobId))?.result).toEqual({ status: 'SUCCESS', output: 'first' });

    worker.behaviour = { kind: 'accept' };
    const other = await a.newUser();
    const timedOut = await a.run(other.headers, { code: b64('int x;') });
    expect([timedOut.status, timedOut.body.code]).toEqual([504, 'COMPILE_005']);
    const late = worker.jobs.at(-1)!;
    expect((await b.jobs.find(late.jobId))?.state).toBe('TIMED_OUT');
    expect(await worker.callBack(late, { status: 'SUCCESS', output: 'late' })).toBe(200);
    expect(await b.jobs.find(late.jobId)).toMatchObject({ state: 'TIMED_OUT' });
    expect((await a.jobs.find(late.jobId))?.result).toBeUndefined();
  });
});
