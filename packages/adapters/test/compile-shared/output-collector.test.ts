import { describe, expect, it, vi } from 'vitest';
import { OutputCollector, TRUNCATION_MARKER } from '../../src/compile-shared/output-collector';

describe('OutputCollector', () => {
  it('keeps output under the cap unchanged, decoding UTF-8 split across chunks', () => {
    const c = new OutputCollector(100, 10);
    const bytes = Buffer.from('안녕 hello\n', 'utf8');
    c.push(bytes.subarray(0, 1));
    c.push(bytes.subarray(1, 4));
    c.push(bytes.subarray(4));
    expect(c.text()).toBe('안녕 hello\n');
    expect(c.truncated).toBe(false);
  });

  it('cuts at the cap, appends the marker and signals overflow once', () => {
    const onOverflow = vi.fn();
    const c = new OutputCollector(5, 8, onOverflow);
    c.push(Buffer.from('abcdefgh'));
    expect(onOverflow).not.toHaveBeenCalled();
    c.push(Buffer.from('12345678'));
    c.push(Buffer.from('12345678'));
    c.push(Buffer.from('12345678'));
    expect(onOverflow).toHaveBeenCalledTimes(1);
    expect(c.text()).toBe(`abcde${TRUNCATION_MARKER}`);
  });

  it('never splits a surrogate pair at the cap', () => {
    const c = new OutputCollector(2, 0);
    c.push(Buffer.from('a😀b', 'utf8'));
    expect(c.text()).toBe(`a${TRUNCATION_MARKER}`);
  });
});
