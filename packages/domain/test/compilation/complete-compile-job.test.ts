import { describe, expect, it, vi } from 'vitest';
import { AuthorizeCompileCallback } from '../../src/index';
import { compileFixture } from './fixture';

describe('AuthorizeCompileCallback (compile.md §4 steps 1–3)', () => {
  it('checks the id format, then the token, then that the job exists', async () => {
    const f = compileFixture();
    const authorize = new AuthorizeCompileCallback(f.callbacks, f.jobs);
    void f.run('int a;');
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(1));
    const { jobId } = f.worker.received[0]!;
    const unknown = '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10';
    const codeOf = async (id: string, token: string | undefined) => {
      const r = await authorize.execute(id, token);
      return r.ok ? r.value.state : r.error.code;
    };
    expect(await codeOf('not-a-uuid', 'whatever')).toBe('COMPILE_012');
    expect(await codeOf(unknown.toUpperCase(), `t-${unknown.toUpperCase()}`)).toBe('COMPILE_012');
    expect(await codeOf(jobId, undefined)).toBe('COMPILE_011');
    expect(await codeOf(jobId, '')).toBe('COMPILE_011');
    expect(await codeOf(jobId, `t-${unknown}`)).toBe('COMPILE_011');
    expect(await codeOf(unknown, `t-${unknown}`)).toBe('COMPILE_012');
    expect(await codeOf(jobId, `t-${jobId}`)).toBe('PENDING');
  });
});

describe('CompleteCompileJob (compile.md §4 steps 6–7)', () => {
  it('stores the first result (capped), frees the slot, and ignores duplicates', async () => {
    const f = compileFixture({ cooldownS: 0 });
    const pending = f.run('int a;', 3);
    await vi.waitFor(() => expect(f.worker.received).toHaveLength(1));
    const { jobId } = f.worker.received[0]!;
    expect(await f.complete.execute(jobId, { status: 'SUCCESS', output: 'y'.repeat(30) })).toEqual({ ok: true, value: 'completed' });
    expect(await f.admission.admit(3, 'probe', 0, 1000)).toBeNull();
    expect(await f.complete.execute(jobId, { status: 'FAIL', output: 'dup' })).toEqual({ ok: true, value: 'ignored' });
    expect((await f.jobs.find(jobId))?.result).toEqual({ status: 'SUCCESS', output: `${'y'.repeat(20)}\n[output truncated]` });
    expect((await pending).ok).toBe(true);
  });

  it('answers COMPILE_012 for a job it does not know', async () => {
    const f = compileFixture();
    expect(await f.complete.execute('9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10', { status: 'SUCCESS', output: '' })).toEqual({ ok: false, error: { code: 'COMPILE_012' } });
  });
});
