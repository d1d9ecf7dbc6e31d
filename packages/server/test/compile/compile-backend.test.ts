import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { compilePolicyOf } from '../../src/modules/compile-module';
import { parseJudge0LanguageIds, selectCompileBackend } from '../../src/modules/compile-backend';
import { b64, startCompileServer } from './compile-server';

const pick = (env: Record<string, string>, loopback: boolean) => selectCompileBackend(loadConfig(env), loopback).kind;

describe('compile backend selection (compile.md §3, §6)', () => {
  it('uses the worker when COMPILE_WORKER_URL is set, else the local runner on loopback only', () => {
    expect(pick({ COMPILE_WORKER_URL: 'http://w:8081' }, false)).toBe('worker');
    expect(pick({ COMPILE_WORKER_URL: 'http://w:8081' }, true)).toBe('worker');
    expect(pick({}, true)).toBe('local');
    expect(pick({}, false)).toBe('none');
    expect(pick({ COMPILE_BACKEND: 'local' }, false)).toBe('local');
    expect(pick({ COMPILE_BACKEND: 'local', COMPILE_WORKER_URL: 'http://w:8081' }, false)).toBe('local');
    expect(pick({ COMPILE_BACKEND: 'worker' }, true)).toBe('none');
    expect(pick({ COMPILE_BACKEND: 'judge0', JUDGE0_URL: 'http://j0:2358' }, false)).toBe('judge0');
    expect(pick({ COMPILE_BACKEND: 'judge0' }, true)).toBe('none');
  });

  it('reads the policy, with per-language newline-separated blacklists defaulting to the contract lists', () => {
    const policy = compilePolicyOf(loadConfig({ COMPILE_LANGUAGES: 'java,javascript', COMPILE_BLACKLIST_PYTHON: 'eval\r\n\nexec\n', COMPILE_DISPATCH_TIMEOUT_MS: '9000', COMPILE_DEADLINE_MS: '4000' }));
    expect(policy.languages).toEqual(['java', 'javascript']);
    expect(policy.blacklists.java).toHaveLength(39);
    expect(policy.blacklists.python).toEqual(['eval', 'exec']);
    expect(policy.blacklists.javascript).toContain('child_process');
    expect(policy.dispatchTimeoutMs).toBe(4000);
    expect(parseJudge0LanguageIds('java:62,python:71,cobol:1')).toEqual({ java: 62, python: 71 });
  });

  it('answers every run 503 COMPILE_004 when no backend may run code', async () => {
    const api = await startCompileServer({ env: { COMPILE_BACKEND: 'worker' } });
    try {
      const { headers } = await api.newUser();
      const r = await api.run(headers, { code: b64('int x;') });
      expect([r.status, r.body.code]).toEqual([503, 'COMPILE_004']);
    } finally {
      await api.stop();
    }
  });
});
