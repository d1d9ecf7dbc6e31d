import { describe, expect, it } from 'vitest';
import { jsonOf } from './support/raw-stomp-client';
import { sessionFixture, settle, until, type Peer } from './support/session-fixture';

async function subscribeErrors(peer: Peer): Promise<void> {
  peer.frame('SUBSCRIBE', { id: 'err', destination: '/user/queue/errors', receipt: 'err-ok' });
  await until(() => peer.socket.frames().some((f) => f.headers.get('receipt-id') === 'err-ok'));
}

function errorMessages(peer: Peer): unknown[] {
  return peer.socket
    .frames()
    .filter((f) => f.command === 'MESSAGE' && f.headers.get('destination') === '/user/queue/errors')
    .map((f) => jsonOf(f));
}

describe('StompSession: frames', () => {
  it.each([
    ['an unknown command', 'FOO', {}],
    ['SEND without destination', 'SEND', {}],
    ['SUBSCRIBE without id', 'SUBSCRIBE', { destination: '/topic/a' }],
    ['SUBSCRIBE without destination', 'SUBSCRIBE', { id: '1' }],
    ['UNSUBSCRIBE without id', 'UNSUBSCRIBE', {}],
    ['ACK without id', 'ACK', {}],
    ['BEGIN without transaction', 'BEGIN', {}],
    ['an undefined escape', 'SEND', { destination: '/app/\\t' }],
  ])('answers %s with ERROR GLOBAL_400 and closes with 1002', async (_name, command, headers) => {
    const { connected } = sessionFixture();
    const peer = await connected();
    peer.frame(command, { ...headers, receipt: 'r' });
    await until(() => peer.socket.closedWith !== undefined);
    const error = peer.socket.frames()[1];
    expect(error?.command).toBe('ERROR');
    expect(error?.headers.get('message')).toBe('GLOBAL_400');
    expect(error?.headers.get('receipt-id')).toBe('r');
    expect(peer.socket.closedWith?.code).toBe(1002);
  });

  it('answers a too-large frame with ERROR GLOBAL_413 and closes with 1009', async () => {
    const { connected } = sessionFixture({ maxFrameBytes: 1000, maxHeaderBytes: 500 });
    const peer = await connected();
    peer.frame('SEND', { destination: '/app/echo' }, 'x'.repeat(2000));
    await until(() => peer.socket.closedWith !== undefined);
    expect(peer.socket.frames()[1]?.headers.get('message')).toBe('GLOBAL_413');
    expect(peer.socket.closedWith?.code).toBe(1009);
  });

  it('accepts ACK, NACK, BEGIN, COMMIT and ABORT and answers their receipts', async () => {
    const { connected } = sessionFixture();
    const peer = await connected();
    peer.frame('ACK', { id: '1', receipt: 'a' });
    peer.frame('NACK', { id: '1', receipt: 'b' });
    peer.frame('BEGIN', { transaction: 't', receipt: 'c' });
    peer.frame('COMMIT', { transaction: 't', receipt: 'd' });
    peer.frame('ABORT', { transaction: 't', receipt: 'e' });
    await until(() => peer.socket.frames().length === 6);
    expect(peer.socket.frames().map((f) => f.headers.get('receipt-id'))).toEqual([undefined, 'a', 'b', 'c', 'd', 'e']);
    expect(peer.socket.closedWith).toBeUndefined();
  });

  it('delivers one MESSAGE per subscription with its own subscription header and unique message-ids', async () => {
    const { connected, registry } = sessionFixture();
    const peer = await connected();
    peer.frame('SUBSCRIBE', { id: 'chat-1', destination: '/topic/class/1/chat' });
    peer.frame('SUBSCRIBE', { id: 'chat-2', destination: '/topic/class/1/chat', ack: 'client', receipt: 'ok' });
    await until(() => peer.socket.commands().includes('RECEIPT'));
    expect(registry.publish('/topic/class/1/chat', { content: '안녕' })).toBe(2);
    const messages = peer.socket.frames().filter((f) => f.command === 'MESSAGE');
    expect(messages.map((m) => m.headers.get('subscription'))).toEqual(['chat-1', 'chat-2']);
    const [first, second] = messages;
    expect(first?.headers.get('message-id')).not.toBe(second?.headers.get('message-id'));
    expect(first?.headers.has('ack')).toBe(false);
    expect(second?.headers.get('ack')).toBe(second?.headers.get('message-id'));
    expect(first?.headers.get('content-type')).toBe('application/json');
    expect(first?.headers.get('content-length')).toBe(String(Buffer.byteLength('{"content":"안녕"}')));
    expect(jsonOf(first)).toEqual({ content: '안녕' });
  });

  it('stops delivering after UNSUBSCRIBE and ignores an unknown id', async () => {
    const { connected, registry } = sessionFixture();
    const peer = await connected();
    peer.frame('SUBSCRIBE', { id: '1', destination: '/topic/a' });
    peer.frame('UNSUBSCRIBE', { id: '1' });
    peer.frame('UNSUBSCRIBE', { id: 'nope', receipt: 'done' });
    await until(() => peer.socket.commands().includes('RECEIPT'));
    expect(registry.publish('/topic/a', { x: 1 })).toBe(0);
    expect(peer.socket.closedWith).toBeUndefined();
  });

  it('closes with ERROR GLOBAL_400 on a duplicate subscription id', async () => {
    const { connected } = sessionFixture();
    const peer = await connected();
    peer.frame('SUBSCRIBE', { id: '1', destination: '/topic/a' });
    peer.frame('SUBSCRIBE', { id: '1', destination: '/topic/b' });
    await until(() => peer.socket.closedWith !== undefined);
    expect(peer.socket.frames()[1]?.headers.get('message')).toBe('GLOBAL_400');
  });

  it('routes a user queue by userId to every session of that user that subscribed', async () => {
    const { connected, registry } = sessionFixture();
    const a = await connected(7);
    const b = await connected(7);
    const c = await connected(7);
    const other = await connected(8);
    for (const peer of [a, b, other]) peer.frame('SUBSCRIBE', { id: 'sys', destination: '/user/queue/system', receipt: 's' });
    await until(() => [a, b, other].every((p) => p.socket.commands().includes('RECEIPT')));
    expect(registry.sendToUser(7, '/user/queue/system', { type: 'KICKED', classId: 1 })).toBe(2);
    for (const peer of [a, b]) {
      const message = peer.socket.frames().find((f) => f.command === 'MESSAGE');
      expect(message?.headers.get('destination')).toBe('/user/queue/system');
      expect(jsonOf(message)).toEqual({ type: 'KICKED', classId: 1 });
    }
    expect(c.socket.commands()).not.toContain('MESSAGE');
    expect(other.socket.commands()).not.toContain('MESSAGE');
    expect(registry.publish('/user/queue/system', { leaked: true })).toBe(0);
  });

  it('sends application errors to /user/queue/errors, before the RECEIPT, and stays open', async () => {
    const { connected } = sessionFixture();
    const peer = await connected();
    await subscribeErrors(peer);
    peer.frame('SUBSCRIBE', { id: '9', destination: '/topic/denied', receipt: 'r-deny' });
    peer.frame('SEND', { destination: '/app/invalid', receipt: 'r-invalid' }, '{}');
    await until(() => peer.socket.frames().filter((f) => f.command === 'RECEIPT').length === 3);
    expect(peer.socket.commands().slice(-4)).toEqual(['MESSAGE', 'RECEIPT', 'MESSAGE', 'RECEIPT']);
    expect(errorMessages(peer)).toEqual([
      {
        success: false,
        status: 403,
        code: 'CLASS_002',
        message: '클래스 접근 권한이 없습니다',
        data: { command: 'SUBSCRIBE', destination: '/topic/denied' },
      },
      {
        success: false,
        status: 400,
        code: 'GLOBAL_410',
        message: '입력값 검증에 실패했습니다 - mode: 허용되지 않는 값입니다',
        data: { command: 'SEND', destination: '/app/invalid' },
      },
    ]);
    expect(peer.socket.closedWith).toBeUndefined();
  });

  it('checks SEND in contract order: prefix, pattern, rate limit, then JSON object', async () => {
    const { connected } = sessionFixture({ inboundBurst: 3, inboundPerSecond: 0 });
    const peer = await connected();
    await subscribeErrors(peer); // takes the first token
    peer.frame('SEND', { destination: '/topic/x' }, '{}');
    peer.frame('SEND', { destination: '/app/unknown' }, '{}');
    peer.frame('SEND', { destination: '/app/echo' }, '[1]');
    peer.frame('SEND', { destination: '/app/echo' }, Buffer.from([0xff]).toString('latin1'));
    peer.frame('SEND', { destination: '/app/echo' }, '{}');
    peer.frame('SEND', { destination: '/app/unknown', receipt: 'last' }, 'not json');
    await until(() => peer.socket.frames().some((f) => f.headers.get('receipt-id') === 'last'));
    expect(errorMessages(peer).map((e) => (e as { code: string }).code)).toEqual(['GLOBAL_403', 'GLOBAL_404', 'GLOBAL_400', 'GLOBAL_400', 'GLOBAL_429', 'GLOBAL_404']);
  });

  it('rejects invalid UTF-8 and non-object JSON bodies', async () => {
    const { connected } = sessionFixture();
    const peer = await connected();
    await subscribeErrors(peer);
    peer.raw(Buffer.concat([Buffer.from('SEND\ndestination:/app/echo\n\n'), Buffer.from([0xc3, 0x28, 0])]));
    for (const body of ['null', '"s"', '3', '']) peer.frame('SEND', { destination: '/app/echo' }, body);
    await until(() => errorMessages(peer).length === 5);
    expect(new Set(errorMessages(peer).map((e) => (e as { code: string }).code))).toEqual(new Set(['GLOBAL_400']));
  });

  it('turns application throws into GLOBAL_500 error messages without closing', async () => {
    const { connected } = sessionFixture();
    const peer = await connected();
    await subscribeErrors(peer);
    peer.frame('SEND', { destination: '/app/explode' }, '{}');
    peer.frame('SUBSCRIBE', { id: 'x', destination: '/topic/explode', receipt: 'done' });
    await until(() => peer.socket.frames().some((f) => f.headers.get('receipt-id') === 'done'));
    expect(errorMessages(peer).map((e) => (e as { code: string }).code)).toEqual(['GLOBAL_500', 'GLOBAL_500']);
    expect(peer.socket.closedWith).toBeUndefined();
  });

  it('sends an error only to the offending session, and drops it when there is no error queue', async () => {
    const { connected } = sessionFixture();
    const a = await connected(7);
    const b = await connected(7);
    await subscribeErrors(b);
    a.frame('SEND', { destination: '/app/deny', receipt: 'x' }, '{}');
    await until(() => a.socket.commands().includes('RECEIPT'));
    await settle();
    expect(a.socket.commands()).toEqual(['CONNECTED', 'RECEIPT']);
    expect(errorMessages(b)).toEqual([]);
  });

  it('processes frames strictly one at a time, in order', async () => {
    const { connected, app } = sessionFixture();
    app.slowMs = 15;
    const peer = await connected();
    peer.frame('SEND', { destination: '/app/slow' }, '{"n":1}');
    peer.frame('SEND', { destination: '/app/slow' }, '{"n":2}');
    peer.frame('SEND', { destination: '/app/slow', receipt: 'end' }, '{"n":3}');
    await until(() => peer.socket.commands().includes('RECEIPT'));
    expect(app.events).toEqual(['slow-start {"n":1}', 'slow-end {"n":1}', 'slow-start {"n":2}', 'slow-end {"n":2}', 'slow-start {"n":3}', 'slow-end {"n":3}']);
  });

  it('sends the snapshot first, then what was published while the subscription activated', async () => {
    const { connected, app, registry } = sessionFixture();
    app.slowMs = 20;
    const peer = await connected();
    peer.frame('SUBSCRIBE', { id: 'p', destination: '/topic/snapshot', receipt: 'sub' });
    await until(() => app.events.includes('activate-start'));
    registry.publish('/topic/snapshot', { n: 1 });
    await until(() => peer.socket.commands().includes('RECEIPT'));
    const messages = peer.socket.frames().filter((f) => f.command === 'MESSAGE');
    expect(messages.map((m) => jsonOf(m))).toEqual([{ snapshot: true }, { n: 1 }]);
    expect(peer.socket.commands().at(-1)).toBe('RECEIPT');
  });

  it('lets the application detach subscriptions silently', async () => {
    const { connected, registry } = sessionFixture();
    const peer = await connected(7);
    peer.frame('SUBSCRIBE', { id: '1', destination: '/topic/class/1/chat' });
    peer.frame('SUBSCRIBE', { id: '2', destination: '/topic/class/2/chat', receipt: 'r' });
    await until(() => peer.socket.commands().includes('RECEIPT'));
    const [handle] = registry.sessionsOf(7);
    expect(handle?.isSubscribedTo('/topic/class/1/chat')).toBe(true);
    expect(handle?.detach((d) => d.startsWith('/topic/class/1/'))).toBe(1);
    expect(handle?.isSubscribedTo('/topic/class/1/chat')).toBe(false);
    expect(registry.publish('/topic/class/1/chat', {})).toBe(0);
    expect(registry.publish('/topic/class/2/chat', {})).toBe(1);
  });

  it('escapes subscription ids and destinations in MESSAGE frames', async () => {
    const { connected, registry } = sessionFixture();
    const peer = await connected();
    peer.frame('SUBSCRIBE', { id: 'a\\cb', destination: '/topic/x\\\\y', receipt: 'r' });
    await until(() => peer.socket.commands().includes('RECEIPT'));
    registry.publish('/topic/x\\y', { ok: true });
    expect(peer.socket.sent.at(-1)).toContain('destination:/topic/x\\\\y\nsubscription:a\\cb\n');
    const message = peer.socket.frames().at(-1);
    expect(message?.headers.get('subscription')).toBe('a:b');
  });
});
