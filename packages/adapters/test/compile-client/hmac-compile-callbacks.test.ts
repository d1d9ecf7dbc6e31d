import { describe, expect, it } from 'vitest';
import { HmacCompileCallbacks } from '../../src/compile-client/hmac-compile-callbacks';

const SECRET = 'test-callback-secret-test-callback-secret';
const JOB = '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10';
/** Computed independently: printf 'compile-callback:<job>' | openssl dgst -sha256 -hmac <secret> -binary | base64url. */
const EXPECTED = 'dBVPEaD0gHGUPTmx2BG02mo-6Pf9qzVcds1l87ZMOn4';

describe('HmacCompileCallbacks (compile.md §4)', () => {
  const callbacks = new HmacCompileCallbacks(SECRET, 'http://api.internal:8080/');

  it('derives a 43-character base64url token from the shared secret and the job id', () => {
    expect(callbacks.tokenFor(JOB)).toBe(EXPECTED);
    expect(callbacks.tokenFor(JOB)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new HmacCompileCallbacks(Buffer.from(SECRET), 'http://x').tokenFor(JOB)).toBe(EXPECTED);
    expect(new HmacCompileCallbacks(`${SECRET}!`, 'http://x').tokenFor(JOB)).not.toBe(EXPECTED);
  });

  it('builds the worker and Judge0 callback URLs on the base URL', () => {
    expect(callbacks.urlFor(JOB)).toBe(`http://api.internal:8080/api/compile/callback/${JOB}?token=${EXPECTED}`);
    expect(callbacks.judge0UrlFor(JOB)).toBe(`http://api.internal:8080/api/compile/judge0/callback/${JOB}?token=${EXPECTED}`);
  });

  it('accepts only the exact token of that job', () => {
    expect(callbacks.accepts(JOB, EXPECTED)).toBe(true);
    expect(callbacks.accepts(JOB, EXPECTED.slice(0, 42))).toBe(false);
    expect(callbacks.accepts(JOB, `${EXPECTED}=`)).toBe(false);
    expect(callbacks.accepts(JOB, EXPECTED.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBe(false);
    expect(callbacks.accepts('9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a11', EXPECTED)).toBe(false);
    expect(callbacks.accepts(JOB, '')).toBe(false);
    expect(callbacks.accepts(JOB, 'é'.repeat(43))).toBe(false);
  });
});
