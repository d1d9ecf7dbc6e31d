import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64, startCompileServer, type CompileServer } from './compile-server';
import { FakeWorker } from './fake-worker';

const HELLO = 'public class Main { public static void main(String[] a) { System.out.println("hi"); } }';

describe('POST /api/compile/run: every answer of compile.md §2 over HTTP', () => {
  let worker: FakeWorker;
  let api: CompileServer;
  beforeAll(async () => {
    worker = await FakeWorker.start();
    api = await startCompileServer({
      env: {
        COMPILE_WORKER_URL: worker.url,
        COMPILE_WORKER_TOKEN: 'worker-token',
        COMPILE_LANGUAGES: 'java,python',
        COMPILE_MAX_CHARS: '200',
        COMPILE_MAX_LINES: '5',
        COMPILE_MAX_OUTPUT_CHARS: '10',
        COMPILE_COOLDOWN_S: '1',
        COMPILE_DEADLINE_MS: '2000',
        COMPILE_DISPATCH_TIMEOUT_MS: '400',
        COMPILE_MAX_PENDING: '2',
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
  });

  it('runs the code on the worker and answers 200 COMPILE_000 with the result', async () => {
    worker.behaviour = { kind: 'callback', result: { status: 'SUCCESS', output: 'Hello\n' } };
    const { headers } = await api.newUser();
    const r = await api.run(headers, { code: b64(HELLO), jobId: 'client-made', callbackUrl: 'http://evil.example/steal' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ success: true, status: 200, code: 'COMPILE_000', message: '컴파일 완료', data: { status: 'SUCCESS', output: 'Hello\n' } });
    const job = worker.jobs.at(-1)!;
    expect(job.code).toBe(HELLO);
    expect(job.language).toBe('java');
    expect(job.authorization).toBe('Bearer worker-token');
    expect(job.jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(job.callbackUrl).toBe(`${api.relay.url}/api/compile/callback/${job.jobId}?token=${api.callbacks.tokenFor(job.jobId)}`);
    expect((await api.jobs.find(job.jobId))?.state).toBe('DONE');
  });

  it('answers FAIL as 200, a null output as "", and caps long output', async () => {
    const { headers } = await api.newUser();
    worker.behaviour = { kind: 'callback', result: { status: 'FAIL', output: null } };
    expect((await api.run(headers, { code: b64('int x;'), language: 'PYTHON' })).body.data).toEqual({ status: 'FAIL', output: '' });
    expect(worker.jobs.at(-1)!.language).toBe('python');
    const other = await api.newUser();
    worker.behaviour = { kind: 'callback', result: { status: 'SUCCESS', output: '0123456789ABC' } };
    expect((await api.run(other.headers, { code: b64('int x;') })).body.data).toEqual({ status: 'SUCCESS', output: '0123456789\n[output truncated]' });
  });

  it('answers 500 COMPILE_006 when the worker reports ERROR', async () => {
    worker.behaviour = { kind: 'callback', result: { status: 'ERROR', output: 'disk full' } };
    const { headers } = await api.newUser();
    const r = await api.run(headers, { code: b64('int x;') });
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ success: false, status: 500, code: 'COMPILE_006', message: '컴파일 서버 처리 중 오류가 발생했습니다' });
  });

  it('requires authentication and a JSON object body', async () => {
    expect((await api.run({}, { code: b64('x') })).body.code).toBe('GLOBAL_401');
    expect((await api.run({ authorization: 'Bearer nonsense' }, { code: b64('x') })).status).toBe(401);
    const { headers } = await api.newUser();
    const text = await api.http.json('POST', '/api/compile/run', { headers: { ...headers, 'content-type': 'text/plain' }, raw: 'code=x' });
    expect([text.status, text.body.code]).toEqual([415, 'GLOBAL_415']);
    const bad = await api.http.json('POST', '/api/compile/run', { headers: { ...headers, 'content-type': 'application/json' }, raw: '{"code":' });
    expect([bad.status, bad.body.code]).toEqual([400, 'GLOBAL_400']);
    expect((await api.run(headers, ['x'])).body.code).toBe('GLOBAL_400');
  });

  it('validates in the contract order, without dispatching anything', async () => {
    const { headers } = await api.newUser();
    const before = worker.jobs.length;
    const cases: [Record<string, unknown>, number, string][] = [
      [{}, 400, 'VALID_002'],
      [{ code: null }, 400, 'VALID_002'],
      [{ code: '' }, 400, 'VALID_002'],
      [{ code: 12 }, 400, 'VALID_002'],
      [{ code: 'aGVsbG8=\n' }, 400, 'VALID_005'],
      [{ code: 'aGVs bG8=' }, 400, 'VALID_005'],
      [{ code: 'aGVsbG8-' }, 400, 'VALID_005'],
      [{ code: 'aGVsbG8==' }, 400, 'VALID_005'],
      [{ code: Buffer.from([0x61, 0xff]).toString('base64') }, 400, 'VALID_005'],
      [{ code: b64('  \n\t ') }, 400, 'VALID_002'],
      [{ code: b64('int x;'), language: 'javascript' }, 400, 'COMPILE_013'],
      [{ code: b64('int x;'), language: 'cobol' }, 400, 'COMPILE_013'],
      [{ code: b64('x'.repeat(201)) }, 400, 'VALID_004'],
      [{ code: b64('😀'.repeat(101)) }, 400, 'VALID_004'],
      [{ code: b64('a\nb\nc\nd\ne\nf') }, 400, 'VALID_010'],
      [{ code: b64('System.exit(0);') }, 400, 'COMPILE_003'],
      [{ code: b64('// Runtime.getRuntime() in a comment') }, 400, 'COMPILE_003'],
      [{ code: b64('import os'), language: 'python' }, 400, 'COMPILE_003'],
    ];
    for (const [body, status, code] of cases) {
      const r = await api.run(headers, body);
      expect([body, r.status, r.body.code]).toEqual([body, status, code]);
    }
    expect(worker.jobs.length).toBe(before);
    worker.behaviour = { kind: 'callback', result: { status: 'SUCCESS', output: 'ok' } };
    expect((await api.run(headers, { code: b64('a\nb\nc\nd\ne\n\n\n') })).status).toBe(200); // trailing empty lines do not count; no cooldown was started
  });

  it('answers 429 COMPILE_010 with Retry-After within the cooldown, then 409 COMPILE_009 while the job runs', async () => {
    worker.behaviour = { kind: 'accept' };
    const { headers } = await api.newUser();
    const dispatched = worker.jobs.length;
    const first = api.run(headers, { code: b64('int x;') });
    await expect.poll(() => worker.jobs.length).toBe(dispatched + 1);
    const jobId = worker.jobs.at(-1)!.jobId;
    await expect.poll(async () => (await api.jobs.find(jobId))?.state).toBe('PENDING');
    const limited = await api.run(headers, { code: b64('int x;') });
    expect([limited.status, limited.body.code, limited.res.headers.get('retry-after')]).toEqual([429, 'COMPILE_010', '1']);
    expect(limited.body.message).toBe('요청이 너무 빠릅니다. 잠시 후 다시 시도하세요.');
    await new Promise((r) => setTimeout(r, 1100));
    const busy = await api.run(headers, { code: b64('int x;') });
    expect([busy.status, busy.body.code]).toEqual([409, 'COMPILE_009']);
    expect((await first).body.code).toBe('COMPILE_005');
  });

  it('answers 504 COMPILE_005 at the deadline, marks the job TIMED_OUT, frees the slot, and ignores the late result', async () => {
    worker.behaviour = { kind: 'accept' };
    const { headers } = await api.newUser();
    const started = Date.now();
    const r = await api.run(headers, { code: b64('int x;') });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.status).toBe(504);
    expect(r.body).toEqual({ success: false, status: 504, code: 'COMPILE_005', message: '컴파일 시간이 초과되었습니다' });
    const job = worker.jobs.at(-1)!;
    expect((await api.jobs.find(job.jobId))?.state).toBe('TIMED_OUT');
    expect(await worker.callBack(job, { jobId: job.jobId, status: 'SUCCESS', output: 'late' })).toBe(200);
    expect(await api.jobs.find(job.jobId)).toMatchObject({ state: 'TIMED_OUT' });
    expect((await api.jobs.find(job.jobId))?.result).toBeUndefined();
    worker.behaviour = { kind: 'callback', result: { status: 'SUCCESS', output: 'again' } };
    expect((await api.run(headers, { code: b64('int x;') })).status).toBe(200); // the cooldown (1 s) is over and the slot is free
  });

  it('answers 503 COMPILE_004 at once when the worker answers non-2xx, abandoning the job without a cooldown', async () => {
    worker.behaviour = { kind: 'refuse', status: 500 };
    const { headers } = await api.newUser();
    const r = await api.run(headers, { code: b64('int x;') });
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ success: false, status: 503, code: 'COMPILE_004', message: '컴파일 서버와 통신할 수 없습니다' });
    expect((await api.jobs.find(worker.jobs.at(-1)!.jobId))?.state).toBe('ABANDONED');
    expect((await api.run(headers, { code: b64('int x;') })).body.code).toBe('COMPILE_004'); // no 429: a failed dispatch costs nothing
  });

  it('answers 503 COMPILE_004 when the worker is slower than the dispatch timeout', async () => {
    worker.behaviour = { kind: 'slow', delayMs: 1500 };
    const { headers } = await api.newUser();
    const started = Date.now();
    const r = await api.run(headers, { code: b64('int x;') });
    expect([r.status, r.body.code]).toEqual([503, 'COMPILE_004']);
    expect(Date.now() - started).toBeLessThan(1500);
    const job = worker.jobs.at(-1)!;
    expect((await api.jobs.find(job.jobId))?.state).toBe('ABANDONED');
    expect(await worker.callBack(job, { status: 'SUCCESS', output: 'after all' })).toBe(200);
    expect((await api.jobs.find(job.jobId))?.state).toBe('ABANDONED');
  });

  it('answers 503 COMPILE_004 when the worker refuses connections', async () => {
    await worker.stop();
    try {
      const { headers } = await api.newUser();
      const r = await api.run(headers, { code: b64('int x;') });
      expect([r.status, r.body.code]).toEqual([503, 'COMPILE_004']);
    } finally {
      await worker.restart();
    }
  });

  it('answers 503 COMPILE_004 once COMPILE_MAX_PENDING jobs wait on this node', async () => {
    worker.behaviour = { kind: 'accept' };
    const a = await api.newUser();
    const b = await api.newUser();
    const c = await api.newUser();
    const before = worker.jobs.length;
    const waiting = [api.run(a.headers, { code: b64('int x;') }), api.run(b.headers, { code: b64('int x;') })];
    await expect.poll(() => worker.jobs.length).toBe(before + 2);
    expect(api.jobs.waiting()).toBe(2);
    const dispatched = worker.jobs.length;
    const r = await api.run(c.headers, { code: b64('int x;') });
    expect([r.status, r.body.code]).toEqual([503, 'COMPILE_004']);
    expect(worker.jobs.length).toBe(dispatched);
    for (const w of await Promise.all(waiting)) expect(w.body.code).toBe('COMPILE_005');
  });
});
