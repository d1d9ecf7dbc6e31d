import { describe, expect, it } from 'vitest';
import { isConnectError } from '../../src/compile-shared/connect-retry';

describe('isConnectError', () => {
  it('recognises connect failures in the fetch cause chain only', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
    const aggregate = new TypeError('fetch failed', { cause: Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {}) });
    expect(isConnectError(refused)).toBe(true);
    expect(isConnectError(aggregate)).toBe(true);
    expect(isConnectError(reset)).toBe(false);
    expect(isConnectError(new DOMException('timeout', 'TimeoutError'))).toBe(false);
  });
});
