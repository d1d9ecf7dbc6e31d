import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonOf } from './support/raw-stomp-client';
import { sessionFixture, settle, until, type Peer } from './support/session-fixture';

function errorCodes(peer: Peer): string[] {
  return peer.socket
    .frames()
    .filter((f) => f.command === 'MESSAGE' && f.headers.get('destination') === '/user/queue/errors')
    .map((f) => (jsonOf(f) as { code: string }).code);
}

async function withErrorQueue(peer: Peer): Promise<void> {
  peer.frame('SUBSCRIBE', { id: 'err', destination: '/user/queue/errors', receipt: 'err-ok' });
  await until(() => peer.socket.commands().includes('RECEIPT'));
}

/** Random bytes mixed with valid and nearly valid frames, so that sessions get past parsing. */
const chunkArb = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
  fc
    .constantFrom(
      'SEND\ndestination:/app/echo\n\n{}\0',
      'SEND\ndestination:/app/deny\nreceipt:1\n\n{}\0',
      'SUBSCRIBE\nid:1\ndestination:/topic/a\n\n\0',
      'SUBSCRIBE\nid:2\ndestination:/user/queue/errors\n\n\0',
      'UNSUBSCRIBE\nid:1\n\n\0',
      'ACK\nid:1\n\n\0',
      '\n',
      'SEND\ndestination:/app/\\q\n\n\0',
      'DISCONNECT\nreceipt:9\n\n\0',
    )
    .map((s) => Buffer.from(s)),
);

describe('StompSession: limits', () => {
  it('refuses subscriptions beyond the per-session limit with GLOBAL_429 and does not register them', async () => {
    const { connected, registry } = sessionFixture({ maxSubscriptions: 4 });
    const peer = await connected();
    await withErrorQueue(peer); // the error queue is one of the four
    peer.frame('SUBSCRIBE', { id: '1', destination: '/topic/a' });
    peer.frame('SUBSCRIBE', { id: '2', destination: '/topic/b' });
    peer.frame('SUBSCRIBE', { id: '3', destination: '/topic/c' });
    peer.frame('SUBSCRIBE', { id: '4', destination: '/topic/nope', receipt: 'last' });
    peer.frame('SUBSCRIBE', { id: '5', destination: '/elsewhere', receipt: 'unknown' });
    await until(() => peer.socket.frames().some((f) => f.headers.get('receipt-id') === 'unknown'));
    // the limit is the last check: an unknown destination still gets GLOBAL_404
    expect(errorCodes(peer)).toEqual(['GLOBAL_429', 'GLOBAL_404']);
    expect(registry.subscriberCount('/topic/nope')).toBe(0);
    expect(registry.subscriberCount('/topic/c')).toBe(1);
    expect(peer.socket.closedWith).toBeUndefined();
  });

  it('drops SEND and SUBSCRIBE frames beyond the inbound token bucket with GLOBAL_429', async () => {
    const { connected, registry } = sessionFixture({ inboundBurst: 4, inboundPerSecond: 0 });
    const peer = await connected();
    await withErrorQueue(peer);
    peer.frame('SUBSCRIBE', { id: 'echo', destination: '/topic/echo' });
    peer.frame('SEND', { destination: '/app/echo' }, '{"n":1}');
    peer.frame('SEND', { destination: '/app/echo' }, '{"n":2}');
    peer.frame('SEND', { destination: '/app/echo' }, '{"n":3}');
    peer.frame('SUBSCRIBE', { id: 'late', destination: '/topic/late', receipt: 'end' });
    await until(() => peer.socket.frames().some((f) => f.headers.get('receipt-id') === 'end'));
    const echoed = peer.socket.frames().filter((f) => f.headers.get('destination') === '/topic/echo');
    expect(echoed.map((m) => jsonOf(m))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(errorCodes(peer)).toEqual(['GLOBAL_429', 'GLOBAL_429']);
    expect(registry.subscriberCount('/topic/late')).toBe(0);
  });

  it('refills the inbound bucket over time', async () => {
    const { connected } = sessionFixture({ inboundBurst: 1, inboundPerSecond: 200 });
    const peer = await connected();
    await withErrorQueue(peer);
    await new Promise((r) => setTimeout(r, 20));
    peer.frame('SEND', { destination: '/app/echo', receipt: 'a' }, '{}');
    await until(() => peer.socket.frames().some((f) => f.headers.get('receipt-id') === 'a'));
    expect(errorCodes(peer)).toEqual([]);
  });

  it('sends at most errorMessagesPerSecond error messages', async () => {
    const { connected } = sessionFixture({ errorMessagesPerSecond: 3 });
    const peer = await connected();
    await withErrorQueue(peer);
    for (let i = 0; i < 8; i++) peer.frame('SEND', { destination: '/app/deny' }, '{}');
    peer.frame('SEND', { destination: '/app/deny', receipt: 'end' }, '{}');
    await until(() => peer.socket.frames().some((f) => f.headers.get('receipt-id') === 'end'));
    expect(errorCodes(peer)).toEqual(['CLASS_002', 'CLASS_002', 'CLASS_002']);
  });

  it('sends a heart-beat LF when it has sent nothing for the negotiated interval', async () => {
    const { connected } = sessionFixture({ heartbeatSendMs: 20 });
    const peer = await connected(7, { 'heart-beat': '0,10' });
    await until(() => peer.socket.heartbeats() >= 2);
    expect(peer.socket.closedWith).toBeUndefined();
  });

  it('sends no heart-beats when the client does not want them', async () => {
    const { connected } = sessionFixture({ heartbeatSendMs: 5 });
    const peer = await connected(7, { 'heart-beat': '4000,0' });
    await new Promise((r) => setTimeout(r, 40));
    expect(peer.socket.heartbeats()).toBe(0);
  });

  it('closes without ERROR after three client intervals of silence, but not while bytes arrive', async () => {
    const { connected, app } = sessionFixture({ heartbeatReceiveMs: 50 });
    const chatty = await connected(1, { 'heart-beat': '50,0' });
    const silent = await connected(2, { 'heart-beat': '50,0' });
    const beat = setInterval(() => chatty.raw('\n'), 10);
    try {
      await until(() => silent.socket.closedWith !== undefined);
      expect(silent.socket.closedWith?.code).toBe(4408);
      expect(silent.socket.commands()).toEqual(['CONNECTED']);
      expect(chatty.socket.closedWith).toBeUndefined();
      await until(() => app.ended.length === 1);
    } finally {
      clearInterval(beat);
    }
  });

  it('refuses a malformed heart-beat header', async () => {
    const { open } = sessionFixture();
    const peer = open();
    peer.frame('CONNECT', { 'accept-version': '1.2', 'heart-beat': 'soon', Authorization: 'Bearer valid-1' });
    await until(() => peer.socket.closedWith !== undefined);
    expect(peer.socket.frames()[0]?.headers.get('message')).toBe('GLOBAL_400');
  });

  it('cuts off a consumer whose transport holds more than maxOutboundBytes, without ERROR', async () => {
    const { connected, registry, app } = sessionFixture({ maxOutboundBytes: 1000 });
    const peer = await connected();
    peer.frame('SUBSCRIBE', { id: '1', destination: '/topic/a', receipt: 'r' });
    await until(() => peer.socket.commands().includes('RECEIPT'));
    registry.publish('/topic/a', { n: 1 });
    peer.socket.bufferedAmount = 5000;
    registry.publish('/topic/a', { n: 2 });
    expect(peer.socket.closedWith?.code).toBe(1008);
    expect(peer.socket.commands()).not.toContain('ERROR');
    expect(registry.publish('/topic/a', { n: 3 })).toBe(0);
    await until(() => app.ended.length === 1);
  });

  it('cuts off a consumer whose send stays blocked for maxSendBlockedMs', async () => {
    const { connected, registry } = sessionFixture({ maxSendBlockedMs: 20 });
    const peer = await connected();
    peer.frame('SUBSCRIBE', { id: '1', destination: '/topic/a', receipt: 'r' });
    await until(() => peer.socket.commands().includes('RECEIPT'));
    peer.socket.autoFlush = false;
    registry.publish('/topic/a', { n: 1 });
    await until(() => peer.socket.closedWith !== undefined);
    expect(peer.socket.closedWith?.code).toBe(1008);
  });

  it('keeps a slow consumer whose queued bytes keep draining', async () => {
    const { connected, registry } = sessionFixture({ maxSendBlockedMs: 100 });
    const peer = await connected();
    peer.frame('SUBSCRIBE', { id: '1', destination: '/topic/a', receipt: 'r' });
    await until(() => peer.socket.commands().includes('RECEIPT'));
    peer.socket.autoFlush = false;
    let ticks = 0;
    const traffic = setInterval(() => {
      registry.publish('/topic/a', { tick: ticks });
      if (++ticks % 3 === 0) peer.socket.flush(); // the peer reads every 30 ms
    }, 10);
    try {
      await new Promise((r) => setTimeout(r, 350));
      expect(peer.socket.closedWith).toBeUndefined();
    } finally {
      clearInterval(traffic);
    }
  });

  it('pauses reading under an inbound backlog and closes when it overflows', async () => {
    const { connected, app } = sessionFixture({ maxInboundBacklogBytes: 4000 });
    app.slowMs = 50;
    const peer = await connected();
    const big = JSON.stringify({ pad: 'x'.repeat(900) });
    for (let i = 0; i < 3; i++) peer.frame('SEND', { destination: '/app/slow' }, big);
    expect(peer.socket.pauses).toBeGreaterThanOrEqual(1);
    expect(peer.socket.closedWith).toBeUndefined();
    for (let i = 0; i < 3; i++) peer.frame('SEND', { destination: '/app/slow' }, big);
    expect(peer.socket.closedWith?.code).toBe(1008);
  });

  it('resumes reading once the backlog drains', async () => {
    const { connected, app } = sessionFixture({ maxInboundBacklogBytes: 4000 });
    app.slowMs = 5;
    const peer = await connected();
    const big = JSON.stringify({ pad: 'x'.repeat(900) });
    for (let i = 0; i < 3; i++) peer.frame('SEND', { destination: '/app/slow' }, big);
    await until(() => peer.socket.resumes === 1);
    expect(peer.socket.closedWith).toBeUndefined();
  });

  it('never throws on arbitrary bytes after CONNECT: the session stays open or ends with ERROR', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chunkArb, { maxLength: 12 }), async (chunks) => {
        const { connected } = sessionFixture({ maxFrameBytes: 256, maxHeaderBytes: 128, maxHeaders: 4 });
        const peer = await connected();
        for (const chunk of chunks) peer.raw(Buffer.from(chunk));
        await settle();
        const commands = peer.socket.commands();
        if (peer.socket.closedWith) expect(commands.at(-1) === 'ERROR' || peer.socket.closedWith.code === 1000).toBe(true);
        expect(commands[0]).toBe('CONNECTED');
      }),
      { numRuns: 300 },
    );
  });
});
