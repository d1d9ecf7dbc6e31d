import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeJudge0, judge0Base64 } from '../../../adapters/test/judge0/fake-judge0';
import { b64, startCompileServer, type CompileServer } from './compile-server';

describe('COMPILE_BACKEND=judge0: submission, PUT callback and polling (compile.md §7)', () => {
  let judge0: FakeJudge0;
  let api: CompileServer;
  beforeAll(async () => {
    judge0 = await FakeJudge0.start();
    api = await startCompileServer({
      env: { COMPILE_BACKEND: 'judge0', JUDGE0_URL: judge0.url, JUDGE0_AUTH_TOKEN: 'j0-token', COMPILE_COOLDOWN_S: '0', JUDGE0_POLL_AFTER_MS: '300', JUDGE0_POLL_INTERVAL_MS: '100' },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await judge0?.close();
  });

  it('submits with a per-job callback URL on the Judge0 route and answers the PUT result', async () => {
    judge0.verdict = () => ({ statusId: 3, stdout: 'Hello, SoosCode\n' });
    const { headers } = await api.newUser();
    const r = await api.run(headers, { code: b64('public class Main {}') });
    expect(r.body).toMatchObject({ code: 'COMPILE_000', data: { status: 'SUCCESS', output: 'Hello, SoosCode\n' } });
    const sub = judge0.submissions.at(-1)!;
    expect(sub.headers['x-auth-token']).toBe('j0-token');
    const url = new URL(String(sub.body.callback_url));
    const jobId = url.pathname.split('/').at(-1)!;
    expect(`${url.origin}${url.pathname}`).toBe(`${api.relay.url}/api/compile/judge0/callback/${jobId}`);
    expect(url.searchParams.get('token')).toBe(api.callbacks.tokenFor(jobId));
    await expect.poll(() => judge0.callbackStatuses.at(-1)).toBe(200);
  });

  it('maps a compile error to FAIL and an internal error to 500 COMPILE_006', async () => {
    const { headers } = await api.newUser();
    judge0.verdict = () => ({ statusId: 6, compileOutput: 'Main.java:1: error' });
    expect((await api.run(headers, { code: b64('class X {') })).body.data).toEqual({ status: 'FAIL', output: 'Compile Error: Main.java:1: error' });
    judge0.verdict = () => ({ statusId: 13, message: 'internal' });
    expect((await api.run(headers, { code: b64('class X {}') })).body.code).toBe('COMPILE_006');
  });

  it('polls Judge0 when its callback is lost', async () => {
    judge0.loseCallbacks = true;
    try {
      judge0.verdict = () => ({ statusId: 3, stdout: 'polled\n' });
      const { headers } = await api.newUser();
      expect((await api.run(headers, { code: b64('class X {}') })).body.data).toEqual({ status: 'SUCCESS', output: 'polled\n' });
      expect(judge0.polls.length).toBeGreaterThan(0);
    } finally {
      judge0.loseCallbacks = false;
    }
  });

  it('answers 503 COMPILE_004 when Judge0 is full and 500 COMPILE_006 when it rejects the limits', async () => {
    const { headers } = await api.newUser();
    judge0.submitStatus = 503;
    try {
      expect((await api.run(headers, { code: b64('class X {}') })).body.code).toBe('COMPILE_004');
      judge0.submitStatus = 422;
      expect((await api.run(headers, { code: b64('class X {}') })).body.code).toBe('COMPILE_006');
    } finally {
      judge0.submitStatus = 201;
    }
  });

  it('checks the token of a PUT callback and ignores a non-final status', async () => {
    judge0.runMs = 60_000;
    try {
      const { headers } = await api.newUser();
      const before = judge0.submissions.length;
      const waiting = api.run(headers, { code: b64('class X {}') });
      await expect.poll(() => judge0.submissions.length).toBe(before + 1);
      const url = new URL(String(judge0.submissions.at(-1)!.body.callback_url));
      const jobId = url.pathname.split('/').at(-1)!;
      const path = `/api/compile/judge0/callback/${jobId}`;
      const forged = await api.http.json('PUT', `${path}?token=${'y'.repeat(43)}`, { body: { status: { id: 3 } } });
      expect([forged.status, forged.body.code]).toEqual([401, 'COMPILE_011']);
      const running = await api.http.json('PUT', `${path}${url.search}`, { body: { status: { id: 2, description: 'Processing' } } });
      expect([running.status, running.body.code]).toEqual([200, 'COMPILE_000']);
      expect((await api.jobs.find(jobId))?.state).toBe('PENDING');
      const final = await api.http.json('PUT', `${path}${url.search}`, { body: { status: { id: 5 }, stdout: judge0Base64('partial') } });
      expect(final.status).toBe(200);
      expect((await waiting).body.data).toEqual({ status: 'FAIL', output: 'partial\nTIMEOUT: 실행 시간이 초과되었습니다.' });
    } finally {
      judge0.runMs = 30;
    }
  });
});
