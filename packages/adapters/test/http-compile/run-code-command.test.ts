import { describe, expect, it } from 'vitest';
import { Base64SourceDecoder } from '../../src/http/compile/base64-source-decoder';
import { runCodeCommandOf } from '../../src/http/compile/run-code-command';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const arrivedAt = new Date('2025-12-18T01:00:00.000Z');
const commandOf = (body: Record<string, unknown>) => runCodeCommandOf(body, new Base64SourceDecoder(), 7, arrivedAt);

describe('runCodeCommandOf (compile.md §2.1 steps 4 and 6, at the HTTP edge)', () => {
  it('decodes the Base64 source and keeps the user and arrival time', () => {
    expect(commandOf({ code: b64('int x;'), language: 'java' })).toEqual({ userId: 7, source: { kind: 'text', text: 'int x;' }, language: 'java', arrivedAt });
    expect(commandOf({ code: b64(' \n\t ') }).source).toEqual({ kind: 'text', text: ' \n\t ' });
  });

  it('calls an absent, null, empty or non-string code missing and bad Base64 or UTF-8 undecodable', () => {
    for (const code of [undefined, null, '', 5]) expect([code, commandOf({ code }).source]).toEqual([code, { kind: 'missing' }]);
    for (const code of ['aGk gaGk=', '/w==']) expect([code, commandOf({ code }).source]).toEqual([code, { kind: 'undecodable' }]);
  });

  it('defaults the language to java, case-insensitively, and makes unknown or non-string ones null', () => {
    for (const language of [undefined, null, '', 'JAVA']) expect([language, commandOf({ code: 'eA==', language }).language]).toEqual([language, 'java']);
    expect(commandOf({ code: 'eA==', language: 'PyThOn' }).language).toBe('python');
    expect(commandOf({ code: 'eA==', language: 'javascript' }).language).toBe('javascript');
    for (const language of ['ruby', 'cobol', 5, {}]) expect([language, commandOf({ code: 'eA==', language }).language]).toEqual([language, null]);
  });
});
