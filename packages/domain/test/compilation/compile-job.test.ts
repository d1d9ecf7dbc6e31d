import { describe, expect, it } from 'vitest';
import { OUTPUT_TRUNCATION_MARKER, capOutput, isCanonicalUuid, parseCallbackResult } from '../../src/index';

describe('capOutput (compile.md §2.4)', () => {
  it('turns null into "" and keeps short output', () => {
    expect(capOutput(null, 5)).toBe('');
    expect(capOutput(undefined, 5)).toBe('');
    expect(capOutput('hello', 5)).toBe('hello');
  });

  it('cuts at the cap and appends the marker, never splitting a surrogate pair', () => {
    expect(capOutput('hello!', 5)).toBe(`hello${OUTPUT_TRUNCATION_MARKER}`);
    expect(OUTPUT_TRUNCATION_MARKER).toBe('\n[output truncated]');
    expect(capOutput('abcd😀x', 5)).toBe(`abcd${OUTPUT_TRUNCATION_MARKER}`);
  });
});

describe('isCanonicalUuid', () => {
  it('accepts only 8-4-4-4-12 lower-case hex', () => {
    expect(isCanonicalUuid('9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10')).toBe(true);
    expect(isCanonicalUuid('9B1D3C3E-2F5E-4A53-9F55-2F3F7C1C8A10')).toBe(false);
    expect(isCanonicalUuid('9b1d3c3e2f5e4a539f552f3f7c1c8a10')).toBe(false);
    expect(isCanonicalUuid('{9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10}')).toBe(false);
    expect(isCanonicalUuid('not-a-uuid')).toBe(false);
  });
});

/** The Korean phrase the transports render for each refusal reason (status-codes.md rule 3). */
const PHRASES = { missing: '필수 값입니다', format: '형식이 올바르지 않습니다', notAllowed: '허용되지 않는 값입니다', length: '길이가 올바르지 않습니다' } as const;

describe('parseCallbackResult (compile.md §4 step 5)', () => {
  const id = '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10';
  const detail = (body: Record<string, unknown>) => {
    const r = parseCallbackResult(body, id);
    return r.ok ? r.value : `${r.error.code} ${r.error.field}: ${PHRASES[r.error.reason!]}`;
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
