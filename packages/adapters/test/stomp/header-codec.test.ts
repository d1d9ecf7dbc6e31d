import { describe, expect, it } from 'vitest';
import { serializeFrame } from '../../src/stomp/frame-serializer';
import { decodeHeaders, escapeHeader, escapeModeOf, unescapeHeader } from '../../src/stomp/header-codec';

describe('header escapes', () => {
  it('decodes \\r \\n \\c \\\\ in 1.2', () => {
    expect(unescapeHeader('a\\r\\n\\c\\\\b', '1.2')).toBe('a\r\n:\\b');
  });

  it('has no \\r in 1.1 and no escapes at all in 1.0', () => {
    expect(unescapeHeader('a\\n\\c\\\\', '1.1')).toBe('a\n:\\');
    expect(unescapeHeader('a\\r', '1.1')).toBeUndefined();
    expect(unescapeHeader('a\\r\\x', 'none')).toBe('a\\r\\x');
  });

  it('treats an undefined escape or a trailing backslash as an error', () => {
    expect(unescapeHeader('a\\t', '1.2')).toBeUndefined();
    expect(unescapeHeader('a\\', '1.2')).toBeUndefined();
    expect(decodeHeaders([['x', 'a\\t']], '1.2').ok).toBe(false);
  });

  it('does not escape CONNECT, STOMP and CONNECTED frames', () => {
    expect(escapeModeOf('1.2', 'CONNECT')).toBe('none');
    expect(escapeModeOf('1.2', 'STOMP')).toBe('none');
    expect(escapeModeOf('1.2', 'CONNECTED')).toBe('none');
    expect(escapeModeOf('1.2', 'SEND')).toBe('1.2');
    expect(escapeModeOf('1.1', 'MESSAGE')).toBe('1.1');
    expect(escapeModeOf('1.0', 'MESSAGE')).toBe('none');
  });

  it('keeps the first of repeated headers, after decoding names', () => {
    const result = decodeHeaders(
      [
        ['a\\cb', '1'],
        ['a:b', '2'],
        ['c', ' 3 '],
      ],
      '1.2',
    );
    expect(result.ok && [...result.value]).toEqual([
      ['a:b', '1'],
      ['c', ' 3 '],
    ]);
  });

  it('round-trips escape and unescape', () => {
    const text = 'x:y\\z\r\nw';
    expect(unescapeHeader(escapeHeader(text, '1.2'), '1.2')).toBe(text);
    expect(escapeHeader('plain', '1.2')).toBe('plain');
  });
});

describe('serializeFrame', () => {
  it('escapes headers and appends content-length in UTF-8 octets', () => {
    const text = serializeFrame({ command: 'MESSAGE', headers: [['destination', '/a:b']], body: '{"k":"한"}' }, '1.2');
    expect(text).toBe('MESSAGE\ndestination:/a\\cb\ncontent-length:11\n\n{"k":"한"}\0');
  });

  it('writes CONNECTED verbatim and bodiless frames without content-length', () => {
    expect(serializeFrame({ command: 'CONNECTED', headers: [['version', '1.2']] }, '1.2')).toBe('CONNECTED\nversion:1.2\n\n\0');
  });

  it('does not duplicate a content-length the caller placed', () => {
    const text = serializeFrame({ command: 'ERROR', headers: [['content-length', '2']], body: '{}' }, '1.2');
    expect(text).toBe('ERROR\ncontent-length:2\n\n{}\0');
  });
});
