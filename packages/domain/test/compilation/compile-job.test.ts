import { describe, expect, it } from 'vitest';
import { OUTPUT_TRUNCATION_MARKER, capOutput, isCanonicalUuid } from '../../src/index';

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
