import { describe, expect, it, vi } from 'vitest';
import type { Language, SubmittedSource } from '../../src/index';
import { compileFixture } from './fixture';

const HELLO = 'public class Main { public static void main(String[] a) { System.out.println("hi"); } }';
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error!.code);

describe('RunCode (compile.md §2)', () => {
  it('dispatches the decoded source with its own job id and callback URL, then answers the result', async () => {
    const f = compileFixture();
    const pending = f.run(HELLO, 1);
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(1));
    const req = f.worker.received[0]!;
    expect(req).toEqual({ jobId: req.jobId, language: 'java', code: HELLO, callbackUrl: f.callbacks.urlFor(req.jobId) });
    expect(req.jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await f.complete.execute(req.jobId, { status: 'SUCCESS', output: null })).toEqual({ ok: true, value: 'completed' });
    expect(await pending).toEqual({ ok: true, value: { status: 'SUCCESS', output: '' } });
    expect((await f.jobs.find(req.jobId))?.state).toBe('DONE');
    expect(f.jobs.waiting()).toBe(0);
    expect(f.timeouts.scheduled).toBe(0);
  });

  it('caps the output and answers FAIL results as 200', async () => {
    const f = compileFixture();
    const pending = f.run('int x;');
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(1));
    await f.complete.execute(f.worker.received[0]!.jobId, { status: 'FAIL', output: 'x'.repeat(25) });
    expect(await pending).toEqual({ ok: true, value: { status: 'FAIL', output: `${'x'.repeat(20)}\n[output truncated]` } });
  });

  it('fails at the first failing step, in the contract order', async () => {
    const f = compileFixture({ maxChars: 30, maxLines: 2 });
    const cases: [string | SubmittedSource, Language | null, string][] = [
      [{ kind: 'missing' }, 'java', 'VALID_002'],
      [{ kind: 'missing' }, null, 'VALID_002'],
      [{ kind: 'undecodable' }, 'java', 'VALID_005'],
      [{ kind: 'undecodable' }, null, 'VALID_005'],
      [' \n\t ', null, 'VALID_002'],
      ['x'.repeat(31), null, 'COMPILE_013'],
      ['x', 'javascript', 'COMPILE_013'],
      ['x'.repeat(31) + 'invoke', 'java', 'VALID_004'],
      ['a\nb\ninvoke', 'java', 'VALID_010'],
      ['a.invoke()', 'java', 'COMPILE_003'],
    ];
    for (const [source, language, expected] of cases) {
      expect([source, language, codeOf(await f.run(source, 1, language))]).toEqual([source, language, expected]);
    }
    expect(f.worker.received).toHaveLength(0);
    expect(await f.admission.admit(1, 'probe', 0, 1000)).toBeNull();
  });

  it('refuses a second run within the cooldown with COMPILE_010 and Retry-After seconds', async () => {
    const f = compileFixture();
    const first = f.run('int a;', 5);
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(1));
    await f.complete.execute(f.worker.received[0]!.jobId, { status: 'SUCCESS', output: 'ok' });
    expect((await first).ok).toBe(true);
    const second = await f.run('int a;', 5);
    expect(second).toEqual({ ok: false, error: { code: 'COMPILE_010', retryAfterS: 3 } });
    void f.run('int a;', 6); // another user is not affected: it is dispatched
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(2));
    f.timeouts.advance(1200);
    expect(await f.run('int a;', 5)).toEqual({ ok: false, error: { code: 'COMPILE_010', retryAfterS: 2 } });
  });

  it('refuses a run while the user has a job in flight with COMPILE_009 (after the cooldown)', async () => {
    const f = compileFixture({ cooldownS: 1 });
    void f.run('int a;', 8);
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(1));
    expect(codeOf(await f.run('int a;', 8))).toBe('COMPILE_010');
    f.timeouts.advance(1000);
    expect(codeOf(await f.run('int a;', 8))).toBe('COMPILE_009');
  });

  it('times out at the deadline with COMPILE_005, marks the job TIMED_OUT, frees the slot and ignores a late result', async () => {
    const f = compileFixture({ cooldownS: 0 });
    const pending = f.run('int a;', 2);
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(1));
    const { jobId } = f.worker.received[0]!;
    f.timeouts.advance(4499);
    await Promise.resolve();
    expect((await f.jobs.find(jobId))?.state).toBe('PENDING');
    f.timeouts.advance(1);
    expect(await pending).toEqual({ ok: false, error: { code: 'COMPILE_005' } });
    expect((await f.jobs.find(jobId))?.state).toBe('TIMED_OUT');
    expect(await f.complete.execute(jobId, { status: 'SUCCESS', output: 'late' })).toEqual({ ok: true, value: 'ignored' });
    expect((await f.jobs.find(jobId))?.result).toBeUndefined();
    expect(await f.admission.admit(2, 'next', 0, 1000)).toBeNull();
  });

  it('answers 503 COMPILE_004 when the dispatch fails, abandons the job and gives the cooldown back', async () => {
    const f = compileFixture();
    f.worker.refuseWith('COMPILE_004');
    expect(await f.run('int a;', 3)).toEqual({ ok: false, error: { code: 'COMPILE_004' } });
    expect((await f.jobs.find(f.worker.received[0]!.jobId))?.state).toBe('ABANDONED');
    f.worker.refuseWith('COMPILE_006');
    expect(codeOf(await f.run('int a;', 3))).toBe('COMPILE_006');
    expect(f.worker.received).toHaveLength(2);
    expect(await f.admission.admit(3, 'probe', 0, 1000)).toBeNull();
  });

  it('gives up on a dispatch after the dispatch timeout, and never beyond the deadline', async () => {
    const f = compileFixture({ cooldownS: 0 });
    f.worker.hang();
    const slow = f.run('int a;', 4);
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(1));
    f.timeouts.advance(1499);
    f.timeouts.advance(1);
    expect(codeOf(await slow)).toBe('COMPILE_004');
    expect((await f.jobs.find(f.worker.received[0]!.jobId))?.state).toBe('ABANDONED');

    const late = f.runCode.execute({ userId: 4, source: { kind: 'text', text: 'int a;' }, language: 'java', arrivedAt: new Date(f.clock.now().getTime() - 4200) });
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(2));
    f.timeouts.advance(300);
    expect(codeOf(await late)).toBe('COMPILE_004');
  });

  it('answers 503 COMPILE_004 when this node already waits for COMPILE_MAX_PENDING jobs, without a cooldown', async () => {
    const f = compileFixture({ maxPending: 1 });
    void f.run('int a;', 1);
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(1));
    expect(codeOf(await f.run('int a;', 2))).toBe('COMPILE_004');
    expect(f.worker.received).toHaveLength(1);
    expect(await f.admission.admit(2, 'probe', 0, 1000)).toBeNull();
  });

  it('answers 500 COMPILE_006 for an ERROR result and frees the slot', async () => {
    const f = compileFixture({ cooldownS: 0 });
    const pending = f.run('int a;', 9);
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(1));
    await f.complete.execute(f.worker.received[0]!.jobId, { status: 'ERROR', output: 'boom' });
    expect(await pending).toEqual({ ok: false, error: { code: 'COMPILE_006' } });
    expect(await f.admission.admit(9, 'probe', 0, 1000)).toBeNull();
  });

  it('abandons the job and frees the slot when the worker throws (a bug), then rethrows', async () => {
    const f = compileFixture();
    f.worker.answer = async () => {
      throw new Error('bug');
    };
    await expect(f.run('int a;', 11)).rejects.toThrow('bug');
    expect((await f.jobs.find(f.worker.received[0]!.jobId))?.state).toBe('ABANDONED');
    expect(await f.admission.admit(11, 'probe', 0, 1000)).toBeNull();
  });
});
