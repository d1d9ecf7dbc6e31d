import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameParser, type FrameParserLimits } from '../../src/stomp/frame-parser';
import { serializeFrame } from '../../src/stomp/frame-serializer';
import { decodeHeaders } from '../../src/stomp/header-codec';
import type { RawFrame } from '../../src/stomp/stomp-frame';
import { StompFrameError } from '../../src/stomp/stomp-frame-error';

const SMALL: FrameParserLimits = { maxFrameBytes: 512, maxHeaderBytes: 128, maxHeaders: 4 };
const ROOMY: FrameParserLimits = { maxFrameBytes: 1_000_000, maxHeaderBytes: 100_000, maxHeaders: 64 };

/** Cuts `bytes` at the given (sorted, deduplicated) positions. */
function splitAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const point of points) {
    parts.push(bytes.subarray(from, point));
    from = point;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

function run(limits: FrameParserLimits, chunks: Buffer[]): { frames: RawFrame[]; error?: StompFrameError } {
  const parser = new FrameParser(limits);
  const frames: RawFrame[] = [];
  for (const chunk of chunks) {
    const result = parser.push(chunk);
    frames.push(...result.frames);
    if (result.error) return { frames, error: result.error };
  }
  return { frames };
}

/** Byte soup biased towards STOMP structure so that parsing gets past the first line. */
const stompish = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
      fc.constantFrom('\n', '\r\n', '\0', ':', '\\', 'SEND\n', 'content-length:', '5', '\n\n', 'destination:/a\n').map((s) => Buffer.from(s)),
    ),
    { maxLength: 30 },
  )
  .map((parts) => Buffer.concat(parts));

const headerText = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !s.includes('\0'));
const frameArb = fc.record({
  command: fc.constantFrom('SEND', 'SUBSCRIBE', 'MESSAGE', 'ERROR', 'RECEIPT', 'ACK'),
  headers: fc.uniqueArray(fc.tuple(headerText.filter((n) => n !== 'content-length'), headerText), {
    maxLength: 8,
    selector: ([name]) => name,
  }),
  body: fc.option(fc.string({ unit: 'binary', maxLength: 300 }), { nil: undefined }),
});

describe('frame codec properties', () => {
  it('never throws on arbitrary bytes: each input parses or yields a typed error, whatever the split', () => {
    fc.assert(
      fc.property(stompish, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        const whole = run(SMALL, [bytes]);
        const split = run(SMALL, splitAt(bytes, cuts));
        if (whole.error) expect(whole.error).toBeInstanceOf(StompFrameError);
        expect(['GLOBAL_400', 'GLOBAL_413', undefined]).toContain(whole.error?.code);
        expect(split.frames.map((f) => f.command)).toEqual(whole.frames.map((f) => f.command));
        expect(split.error?.code).toEqual(whole.error?.code);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects every frame over the limits with GLOBAL_413', () => {
    fc.assert(
      fc.property(fc.integer({ min: 513, max: 5000 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), (size, withLength, cuts) => {
        const body = 'x'.repeat(size);
        const text = withLength ? `SEND\ncontent-length:${size}\n\n${body}\0` : `SEND\n\n${body}\0`;
        const result = run(SMALL, splitAt(Buffer.from(text), cuts));
        expect(result.frames).toEqual([]);
        expect(result.error?.code).toBe('GLOBAL_413');
      }),
    );
  });

  it('round-trips valid frames through serialize → split → parse → decode', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 10 }), (frames, cuts) => {
        const wire = Buffer.from(frames.map((f) => serializeFrame(f, '1.2') + '\n').join(''), 'utf8');
        const result = run(ROOMY, splitAt(wire, cuts));
        expect(result.error).toBeUndefined();
        expect(result.frames).toHaveLength(frames.length);
        frames.forEach((expected, i) => {
          const parsed = result.frames[i] as RawFrame;
          expect(parsed.command).toBe(expected.command);
          const decoded = decodeHeaders(parsed.headers, '1.2');
          if (!decoded.ok) throw decoded.error;
          const headers = new Map(decoded.value);
          headers.delete('content-length');
          expect([...headers]).toEqual(expected.headers);
          expect(parsed.body.toString('utf8')).toBe(expected.body ?? '');
        });
      }),
      { numRuns: 500 },
    );
  });
});
