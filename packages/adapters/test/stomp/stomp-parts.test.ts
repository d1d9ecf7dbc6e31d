import { describe, expect, it } from 'vitest';
import { negotiateHeartbeat, negotiateVersion, parseHeartbeat } from '../../src/stomp/connect-negotiation';
import { HandshakeCapture } from '../../src/stomp/handshake-capture';
import { PreparedMessage } from '../../src/stomp/prepared-message';
import { decodeSockJsMessage } from '../../src/stomp/sockjs-ws-socket';
import { closeCodeForError, errorMessageBody } from '../../src/stomp/stomp-errors';
import { resolveStompOptions } from '../../src/stomp/stomp-options';
import { parseCookieHeader } from '../../src/stomp/stomp-socket';
import { SubscriptionRegistry } from '../../src/stomp/subscription-registry';
import { Subscription, type Subscriber } from '../../src/stomp/subscription';
import { TokenBucket } from '../../src/stomp/token-bucket';
import { parseServerOutput } from './support/memory-socket';

describe('connect negotiation', () => {
  it('prefers 1.2, then 1.1, and refuses anything else', () => {
    expect(negotiateVersion('1.0,1.1,1.2')).toBe('1.2');
    expect(negotiateVersion('1.1, 1.0')).toBe('1.1');
    expect(negotiateVersion('1.0')).toBeUndefined();
    expect(negotiateVersion(undefined)).toBeUndefined();
  });

  it('parses heart-beat headers and negotiates both directions as the spec says', () => {
    expect(parseHeartbeat(undefined)).toEqual([0, 0]);
    expect(parseHeartbeat('4000,4000')).toEqual([4000, 4000]);
    expect(parseHeartbeat('4000')).toBeUndefined();
    expect(negotiateHeartbeat([10_000, 0], [4000, 4000])).toEqual({ outgoingMs: 10_000, incomingMs: 0 });
    expect(negotiateHeartbeat([10_000, 5000], [4000, 20_000])).toEqual({ outgoingMs: 20_000, incomingMs: 5000 });
    expect(negotiateHeartbeat([0, 5000], [0, 4000])).toEqual({ outgoingMs: 0, incomingMs: 0 });
  });
});

describe('PreparedMessage', () => {
  it('builds one frame per subscription around a body serialized once', () => {
    const message = PreparedMessage.of('/topic/a:b', { text: '안녕' });
    const frames = parseServerOutput([
      message.frame('1.2', 'subscription:s-1\n', 9, false),
      message.frame('1.2', 'subscription:s-2\n', 12_345, true),
    ]);
    expect(frames.map((f) => [...f.headers])).toEqual([
      [
        ['destination', '/topic/a:b'],
        ['subscription', 's-1'],
        ['message-id', '9'],
        ['content-type', 'application/json'],
        ['content-length', String(Buffer.byteLength('{"text":"안녕"}'))],
      ],
      [
        ['destination', '/topic/a:b'],
        ['subscription', 's-2'],
        ['message-id', '12345'],
        ['ack', '12345'],
        ['content-type', 'application/json'],
        ['content-length', String(Buffer.byteLength('{"text":"안녕"}'))],
      ],
    ]);
    expect(frames[1]?.body.toString()).toBe('{"text":"안녕"}');
  });
});

describe('SubscriptionRegistry', () => {
  const recorder = (userId: number) => {
    const got: string[] = [];
    const subscriber: Subscriber = { userId, deliver: (s, m) => got.push(`${s.id}:${m.json}`) };
    return { got, subscriber };
  };

  it('fans out in subscription order and forgets removed subscriptions', () => {
    const registry = new SubscriptionRegistry();
    const a = recorder(1);
    const b = recorder(2);
    const first = new Subscription(a.subscriber, 'x', '/topic/t', false, '1.2');
    registry.add(first);
    registry.add(new Subscription(b.subscriber, 'y', '/topic/t', false, '1.2'));
    expect(registry.publishJson('/topic/t', '{"n":1}')).toBe(2);
    registry.remove(first);
    expect(first.active).toBe(false);
    expect(registry.publish('/topic/t', { n: 2 })).toBe(1);
    expect([...a.got, ...b.got]).toEqual(['x:{"n":1}', 'y:{"n":1}', 'y:{"n":2}']);
    expect(registry.subscriberCount('/topic/t')).toBe(1);
  });

  it('keeps a throwing subscriber from stopping the fan-out', () => {
    const registry = new SubscriptionRegistry();
    const ok = recorder(2);
    registry.add(new Subscription({ userId: 1, deliver: () => { throw new Error('bug'); } }, 'x', '/t', false, '1.2'));
    registry.add(new Subscription(ok.subscriber, 'y', '/t', false, '1.2'));
    expect(registry.publish('/t', {})).toBe(1);
    expect(ok.got).toEqual(['y:{}']);
  });
});

describe('small helpers', () => {
  it('parses cookies: first non-empty value wins, percent-decoding when well-formed', () => {
    const cookies = parseCookieHeader('accessToken=; accessToken=a%20b; x="q"; bad=%E0%A4%A; =v; flag');
    expect({ ...cookies }).toEqual({ accessToken: 'a b', x: 'q', bad: '%E0%A4%A' });
    expect(parseCookieHeader(undefined)).toEqual({});
    expect(parseCookieHeader('__proto__=1').__proto__).toBe('1');
  });

  it('remembers the first handshake per SockJS session, once, until it expires', async () => {
    const capture = new HandshakeCapture(20, 2);
    capture.remember('a', { cookies: { accessToken: 'first' } });
    capture.remember('a', { cookies: { accessToken: 'second' } });
    expect(capture.take('a')?.cookies['accessToken']).toBe('first');
    expect(capture.take('a')).toBeUndefined();
    capture.remember('b', { cookies: {} });
    capture.remember('c', { cookies: {} });
    capture.remember('d', { cookies: {} });
    expect(capture.size).toBe(2);
    await new Promise((r) => setTimeout(r, 30));
    expect(capture.take('d')).toBeUndefined();
  });

  it('decodes SockJS WebSocket messages', () => {
    expect(decodeSockJsMessage('["a","b"]')).toEqual(['a', 'b']);
    expect(decodeSockJsMessage('"a"')).toEqual(['a']);
    expect(decodeSockJsMessage('')).toEqual([]);
    expect(decodeSockJsMessage('[1]')).toBeUndefined();
    expect(decodeSockJsMessage('{')).toBeUndefined();
  });

  it('refills a token bucket continuously up to its capacity', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 10, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
    now = 100;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now = 10_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });

  it('maps ERROR codes to close codes and adds details only to GLOBAL_410/411', () => {
    expect([closeCodeForError('GLOBAL_400'), closeCodeForError('GLOBAL_413'), closeCodeForError('GLOBAL_401'), closeCodeForError('GLOBAL_500')]).toEqual([
      1002, 1009, 1008, 1011,
    ]);
    expect(JSON.parse(errorMessageBody({ code: 'CLASS_002', field: 'ignored', reason: 'format' }, 'SEND', '/app/x')).message).toBe('클래스 접근 권한이 없습니다');
    expect(JSON.parse(errorMessageBody({ code: 'GLOBAL_411', field: 'c', reason: 'format' }, 'SUBSCRIBE', '/t')).message).toBe(
      '유효하지 않은 파라미터입니다 - c: 형식이 올바르지 않습니다',
    );
  });

  it('validates options', () => {
    expect(resolveStompOptions({ maxSubscriptions: undefined }).maxSubscriptions).toBe(64);
    expect(() => resolveStompOptions({ maxFrameBytes: -1 })).toThrow(RangeError);
    expect(() => resolveStompOptions({ maxFrameBytes: 100 })).toThrow('maxHeaderBytes exceeds maxFrameBytes');
  });
});
