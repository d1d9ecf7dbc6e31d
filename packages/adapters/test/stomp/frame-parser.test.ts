import { describe, expect, it } from 'vitest';
import { FrameParser, type FrameParseResult } from '../../src/stomp/frame-parser';
import type { RawFrame } from '../../src/stomp/stomp-frame';

function parseAll(...chunks: (string | Buffer)[]): { frames: RawFrame[]; error: FrameParseResult['error'] } {
  const parser = new FrameParser();
  const frames: RawFrame[] = [];
  let error: FrameParseResult['error'];
  for (const chunk of chunks) {
    const result = parser.push(chunk);
    frames.push(...result.frames);
    error ??= result.error;
  }
  return { frames, error };
}

describe('FrameParser', () => {
  it('parses a frame with headers and a NUL-terminated body', () => {
    const { frames, error } = parseAll('SEND\ndestination:/app/x\nreceipt:1\n\n{"a":1}\0');
    expect(error).toBeUndefined();
    expect(frames).toHaveLength(1);
    expect(frames[0]?.command).toBe('SEND');
    expect(frames[0]?.headers).toEqual([
      ['destination', '/app/x'],
      ['receipt', '1'],
    ]);
    expect(frames[0]?.body.toString()).toBe('{"a":1}');
  });

  it('accepts CRLF line ends and EOL heart-beats between frames', () => {
    const { frames, error } = parseAll('\n\r\n\nSEND\r\ndestination:/a\r\n\r\nx\0\r\n\nDISCONNECT\n\n\0\n');
    expect(error).toBeUndefined();
    expect(frames.map((f) => f.command)).toEqual(['SEND', 'DISCONNECT']);
    expect(frames[0]?.headers).toEqual([['destination', '/a']]);
    expect(frames[0]?.body.toString()).toBe('x');
  });

  it('reads exactly content-length octets, NULs included', () => {
    const { frames, error } = parseAll('SEND\ncontent-length:3\n\na\0b\0');
    expect(error).toBeUndefined();
    expect([...(frames[0]?.body ?? [])]).toEqual([0x61, 0, 0x62]);
  });

  it('parses several frames in one chunk and one frame split byte by byte', () => {
    const text = 'SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0SEND\ndestination:/b\ncontent-length:2\n\nhi\0';
    const whole = parseAll(text);
    const bytes = Buffer.from(text);
    const split = parseAll(...[...bytes].map((b) => Buffer.from([b])));
    expect(whole.frames).toHaveLength(2);
    expect(split.frames).toEqual(whole.frames);
  });

  it('reassembles a multi-byte UTF-8 character split across chunks', () => {
    const bytes = Buffer.from('SEND\ndestination:/채팅\n\n안녕\0');
    for (let cut = 1; cut < bytes.length; cut++) {
      const { frames, error } = parseAll(bytes.subarray(0, cut), bytes.subarray(cut));
      expect(error).toBeUndefined();
      expect(frames[0]?.headers[0]).toEqual(['destination', '/채팅']);
      expect(frames[0]?.body.toString('utf8')).toBe('안녕');
    }
  });

  it('keeps repeated headers and does not trim values', () => {
    const { frames } = parseAll('SEND\ndestination: /a \ndestination:/b\nempty:\n\n\0');
    expect(frames[0]?.headers).toEqual([
      ['destination', ' /a '],
      ['destination', '/b'],
      ['empty', ''],
    ]);
  });

  it('reports a frame over maxFrameBytes as GLOBAL_413, from content-length before the body arrives', () => {
    const parser = new FrameParser({ maxFrameBytes: 100, maxHeaderBytes: 50, maxHeaders: 4 });
    expect(parser.push('SEND\ncontent-length:200\n\n').error?.code).toBe('GLOBAL_413');
  });

  it('reports a NUL-terminated body over the limit as GLOBAL_413', () => {
    const parser = new FrameParser({ maxFrameBytes: 100, maxHeaderBytes: 50, maxHeaders: 4 });
    expect(parser.push('SEND\n\n' + 'x'.repeat(60)).error).toBeUndefined();
    expect(parser.push('x'.repeat(60)).error?.code).toBe('GLOBAL_413');
  });

  it('limits the header section to maxHeaderBytes and maxHeaders', () => {
    const limits = { maxFrameBytes: 10_000, maxHeaderBytes: 64, maxHeaders: 2 };
    expect(new FrameParser(limits).push('SEND\na:' + 'x'.repeat(80)).error?.code).toBe('GLOBAL_413');
    expect(new FrameParser(limits).push('SEND\na:1\nb:2\nc:3\n\n\0').error?.code).toBe('GLOBAL_413');
    expect(new FrameParser(limits).push('SEND\na:1\nb:2\n\n\0').error).toBeUndefined();
  });

  it.each([
    ['a header line without a colon', 'SEND\nnocolon\n\n\0'],
    ['a non-numeric content-length', 'SEND\ncontent-length:abc\n\n\0'],
    ['a content-length with spaces', 'SEND\ncontent-length: 1\n\nx\0'],
    ['a body longer than content-length', 'SEND\ncontent-length:1\n\nxy\0'],
    ['a CR not followed by LF between frames', '\rSEND\n\n\0'],
    ['a NUL inside the header section', 'SEND\ndestination:/a\0'],
    ['invalid UTF-8 in headers', Buffer.from([0x53, 0x0a, 0x61, 0x3a, 0xff, 0x0a, 0x0a, 0x00])],
  ])('reports %s as GLOBAL_400', (_name, input) => {
    expect(parseAll(input).error?.code).toBe('GLOBAL_400');
  });

  it('returns the frames completed before an error, then stays failed', () => {
    const parser = new FrameParser();
    const first = parser.push('DISCONNECT\n\n\0SEND\nbad\n\n\0');
    expect(first.frames.map((f) => f.command)).toEqual(['DISCONNECT']);
    expect(first.error?.code).toBe('GLOBAL_400');
    const again = parser.push('DISCONNECT\n\n\0');
    expect(again.frames).toEqual([]);
    expect(again.error).toBe(first.error);
  });

  it('reports whether a partial frame is buffered', () => {
    const parser = new FrameParser();
    parser.push('SEND\n');
    expect(parser.idle).toBe(false);
    parser.push('\n\0\n');
    expect(parser.idle).toBe(true);
  });
});
