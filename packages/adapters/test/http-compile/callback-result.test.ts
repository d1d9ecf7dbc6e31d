import { describe, expect, it } from 'vitest';
import { parseCallbackResult } from '../../src/http/compile/callback-result';
import { renderDetail } from '../../src/wire/detail-suffix';

describe('parseCallbackResult (compile.md §4 step 5)', () => {
  const id = '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10';
  const detail = (body: Record<string, unknown>) => {
    const r = parseCallbackResult(body, id);
    return r.ok ? r.value : `${r.error.code} ${renderDetail(r.error)}`;
  };

  it('accepts a result with or without jobId, and a null or absent output', () => {
    expect(detail({ jobId: id, status: 'SUCCESS', output: 'hi' })).toEqual({ status: 'SUCCESS', output: 'hi' });
    expect(detail({ status: 'FAIL', output: null })).toEqual({ status: 'FAIL', output: null });
    expect(detail({ jobId: null, status: 'ERROR' })).toEqual({ status: 'ERROR', output: null });
  });

  it('refuses a different jobId, a bad status and a non-string output with GLOBAL_410', () => {
    expect(detail({ jobId: 'other', status: 'SUCCESS' })).toBe('GLOBAL_410 jobId: 허용되지 않는 값입니다');
    expect(detail({ jobId: 7, status: 'SUCCESS' })).toBe('GLOBAL_410 jobId: 형식이 올바르지 않습니다');
    expect(detail({ output: 'x' })).toBe('GLOBAL_410 status: 필수 값입니다');
    expect(detail({ status: 'success' })).toBe('GLOBAL_410 status: 허용되지 않는 값입니다');
    expect(detail({ status: 'PENDING' })).toBe('GLOBAL_410 status: 허용되지 않는 값입니다');
    expect(detail({ status: 1 })).toBe('GLOBAL_410 status: 형식이 올바르지 않습니다');
    expect(detail({ status: 'FAIL', output: 42 })).toBe('GLOBAL_410 output: 형식이 올바르지 않습니다');
  });
});
