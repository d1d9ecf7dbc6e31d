import { describe, expect, it } from 'vitest';
import { roomServiceUrlOf } from '../../src/livekit/room-service-url';

describe('roomServiceUrlOf', () => {
  it.each([
    ['wss://sooscode-7wzcousb.livekit.cloud', 'https://sooscode-7wzcousb.livekit.cloud'],
    ['ws://127.0.0.1:7880', 'http://127.0.0.1:7880'],
    ['WS://LOCALHOST:7880/', 'http://localhost:7880'],
    ['https://livekit.example.org:8443/some/path', 'https://livekit.example.org:8443'],
    ['http://[::1]:7880', 'http://[::1]:7880'],
  ])('turns %s into %s', (livekitUrl, expected) => {
    expect(roomServiceUrlOf(livekitUrl)).toBe(expected);
  });

  it.each(['', 'livekit.cloud', 'ftp://127.0.0.1:7880', 'file:///tmp/x'])('refuses %j', (livekitUrl) => {
    expect(() => roomServiceUrlOf(livekitUrl)).toThrow();
  });
});
