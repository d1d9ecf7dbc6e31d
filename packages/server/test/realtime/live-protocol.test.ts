import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RawStompClient, jsonOf } from '../../../adapters/test/stomp/support/raw-stomp-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { castOf, topics, type Cast } from './support/cast';
import { closeAllClients, LiveClient } from './support/live-client';
import { eventually } from './support/eventually';

const SEND_MS = 150;
const RECEIVE_MS = 300;
/** Above the WebSocket transport's default 1 MiB message cap, to prove the cap follows the limit. */
const MAX_FRAME = 1_200_000;
let server: TestServer;
let cast: Cast;
let wsUrl: string;
const raws: RawStompClient[] = [];

beforeAll(async () => {
  server = await startTestServer({
    env: { SEED_DEMO_DATA: 'true', STOMP_HEARTBEAT_SEND_MS: String(SEND_MS), STOMP_HEARTBEAT_RECEIVE_MS: String(RECEIVE_MS), STOMP_MAX_FRAME_BYTES: String(MAX_FRAME) },
  });
  wsUrl = `${server.url.replace('http', 'ws')}/ws`;
  cast = await castOf(server.url);
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  for (const raw of raws.splice(0)) raw.terminate();
  await closeAllClients();
});

/** A raw client connected as `student1`, with extra CONNECT headers. */
async function connected(headers: Record<string, string> = {}): Promise<RawStompClient> {
  const client = await RawStompClient.open(wsUrl, { protocols: ['v12.stomp'] });
  raws.push(client);
  client.connectFrame({ Authorization: `Bearer ${cast.student1.token}`, ...headers });
  await eventually(() => expect(client.commands()[0]).toBe('CONNECTED'));
  return client;
}

/** The single ERROR frame that ended `client`, and the close code. */
async function endedWith(client: RawStompClient): Promise<{ message: string | undefined; receipt: string | undefined; code: number; body: unknown }> {
  const close = await client.closed;
  const errors = client.frames.filter((f) => f.command === 'ERROR');
  expect(errors).toHaveLength(1);
  return { message: errors[0]!.headers.get('message'), receipt: errors[0]!.headers.get('receipt-id'), code: close.code, body: jsonOf(errors[0]) };
}

describe('heart-beats (stomp.md §2.3)', () => {
  it('announces the configured pair and sends an LF on every negotiated interval of silence', async () => {
    const client = await connected({ 'heart-beat': `0,${SEND_MS / 2}` });
    expect(client.frames[0]!.headers.get('heart-beat')).toBe(`${SEND_MS},${RECEIVE_MS}`);
    expect(client.ws.protocol).toBe('v12.stomp');
    await eventually(() => expect(client.heartbeats).toBeGreaterThanOrEqual(3), 3000);
    expect(client.close).toBeUndefined();
  });

  it('sends heart-beats over SockJS as a message holding one LF', async () => {
    const client = await RawStompClient.open(`${wsUrl}/000/heartbeat/websocket`, { sockjs: true });
    raws.push(client);
    client.sendText(`CONNECT\naccept-version:1.2\nheart-beat:4000,${SEND_MS}\nAuthorization:Bearer ${cast.student1.token}\n\n\0`);
    await eventually(() => expect(client.sockjsFrames.filter((f) => f === 'a["\\n"]').length).toBeGreaterThanOrEqual(2), 3000);
    expect(client.commands()).toEqual(['CONNECTED']);
  });

  it('sends no heart-beats when the client asks for none', async () => {
    const client = await connected({ 'heart-beat': '0,0' });
    const probe = await connected({ 'heart-beat': `0,${SEND_MS}` });
    await eventually(() => expect(probe.heartbeats).toBeGreaterThanOrEqual(3), 3000);
    expect(client.heartbeats).toBe(0);
  });

  it('drops a silent client after 3x the negotiated interval without an ERROR frame, and keeps one that beats', async () => {
    const silent = await connected({ 'heart-beat': `${RECEIVE_MS / 2},0` });
    const beating = await connected({ 'heart-beat': `${RECEIVE_MS / 2},0` });
    const timer = setInterval(() => beating.sendText('\n'), RECEIVE_MS / 2);
    try {
      await silent.closed;
      expect(silent.commands()).toEqual(['CONNECTED']);
      expect(beating.close).toBeUndefined();
    } finally {
      clearInterval(timer);
    }
  });
});

describe('receipts (stomp.md §3)', () => {
  it('answers every frame with its receipt after processing it, errors first; DISCONNECT answers then closes', async () => {
    const client = await connected();
    client.sendFrame('SUBSCRIBE', { id: 'e', destination: '/user/queue/errors' });
    client.sendFrame('SUBSCRIBE', { id: 'x', destination: topics.chat(cast.otherClassId + 1000), receipt: 'denied' });
    client.sendFrame('SEND', { destination: '/app/chat/1/send', receipt: 'rejected' }, '{"content":"hi"}');
    client.sendFrame('SUBSCRIBE', { id: 'c', destination: topics.chat(1), receipt: 'joined' });
    client.sendFrame('UNSUBSCRIBE', { id: 'c', receipt: 'unsubscribed' });
    client.sendFrame('ACK', { id: 'whatever', receipt: 'ack' });
    client.sendFrame('BEGIN', { transaction: 't', receipt: 'begin' });
    client.sendFrame('DISCONNECT', { receipt: 'bye' });
    const close = await client.closed;
    const trail = client.frames.slice(1).map((f) => (f.command === 'RECEIPT' ? `RECEIPT ${f.headers.get('receipt-id')}` : `${f.command} ${(jsonOf(f) as { code?: string }).code}`));
    expect(trail).toEqual(['MESSAGE CLASS_001', 'RECEIPT denied', 'MESSAGE CLASS_009', 'RECEIPT rejected', 'RECEIPT joined', 'RECEIPT unsubscribed', 'RECEIPT ack', 'RECEIPT begin', 'RECEIPT bye']);
    expect(close.code).toBe(1000);
  });

  it('lets @stomp/stompjs leave the page: DISCONNECT with a receipt, then the user leaves the class', async () => {
    const watcher = await LiveClient.connect(server.url, { token: cast.instructor.token });
    await watcher.join(topics.chat(1), topics.participants(1));
    const student = await LiveClient.connect(server.url, { token: cast.student2.token });
    await student.join(topics.chat(1));
    await eventually(() => expect(watcher.messages(topics.participants(1)).at(-1)).toMatchObject({ totalCount: 2 }));
    await student.close();
    await eventually(() => expect(watcher.messages(topics.participants(1)).at(-1)).toMatchObject({ totalCount: 1 }));
  });
});

describe('protocol errors end the connection (stomp.md §6.2)', () => {
  const violations: [string, (c: RawStompClient) => void, { message: string; code: number; receipt?: string }][] = [
    ['an unknown command', (c) => c.sendFrame('PUBLISH', { destination: '/app/x', receipt: 'r1' }), { message: 'GLOBAL_400', code: 1002, receipt: 'r1' }],
    ['SUBSCRIBE without id', (c) => c.sendFrame('SUBSCRIBE', { destination: topics.chat(1) }), { message: 'GLOBAL_400', code: 1002 }],
    ['SEND without destination', (c) => c.sendFrame('SEND', {}, '{}'), { message: 'GLOBAL_400', code: 1002 }],
    ['an undefined escape', (c) => c.sendText('SEND\ndestination:/app/chat/1/se\\tnd\n\n{}\0'), { message: 'GLOBAL_400', code: 1002 }],
    ['a duplicate subscription id', (c) => (c.sendFrame('SUBSCRIBE', { id: 'a', destination: '/user/queue/errors' }), c.sendFrame('SUBSCRIBE', { id: 'a', destination: '/user/queue/system' })), { message: 'GLOBAL_400', code: 1002 }],
    ['a second CONNECT', (c) => c.connectFrame(), { message: 'GLOBAL_400', code: 1002 }],
    ['a frame over STOMP_MAX_FRAME_BYTES', (c) => c.sendFrame('SEND', { destination: '/app/chat/1/send' }, JSON.stringify({ content: 'x'.repeat(MAX_FRAME) })), { message: 'GLOBAL_413', code: 1009 }],
    ['a header section over the limit', (c) => c.sendFrame('SEND', { destination: '/app/chat/1/send', big: 'h'.repeat(9000) }, '{}'), { message: 'GLOBAL_413', code: 1009 }],
  ];
  for (const [label, act, expected] of violations) {
    it(`${label} → ERROR ${expected.message}, close ${expected.code}`, async () => {
      const client = await connected();
      act(client);
      const ended = await endedWith(client);
      expect(ended).toMatchObject({ message: expected.message, code: expected.code, receipt: expected.receipt });
      expect(ended.body).toMatchObject({ success: false, code: expected.message });
      expect(ended.body).not.toHaveProperty('data');
    });
  }

  it('a frame before CONNECT, and a CONNECT without a common version', async () => {
    const early = await RawStompClient.open(wsUrl);
    raws.push(early);
    early.sendFrame('SUBSCRIBE', { id: 'a', destination: topics.chat(1) });
    expect(await endedWith(early)).toMatchObject({ message: 'GLOBAL_400', code: 1002 });
    const old = await RawStompClient.open(wsUrl);
    raws.push(old);
    old.sendFrame('CONNECT', { 'accept-version': '1.0', Authorization: `Bearer ${cast.student1.token}` });
    await old.closed;
    expect(old.frames[0]?.headers.get('version')).toBe('1.1,1.2');
    expect(old.frames[0]?.headers.get('message')).toBe('GLOBAL_400');
  });

  it('a frame within STOMP_MAX_FRAME_BYTES but over 1 MiB is processed (here: CHAT_008), the connection stays open', async () => {
    const client = await connected();
    client.sendFrame('SUBSCRIBE', { id: 'e', destination: '/user/queue/errors' });
    client.sendFrame('SUBSCRIBE', { id: 'c', destination: topics.chat(cast.otherClassId) });
    client.sendFrame('SEND', { destination: `/app/chat/${cast.otherClassId}/send`, receipt: 'big' }, JSON.stringify({ content: 'x'.repeat(1_100_000) }));
    await eventually(() => expect(client.commands()).toEqual(['CONNECTED', 'MESSAGE', 'RECEIPT']), 5000);
    expect(jsonOf(client.frames[1])).toMatchObject({ code: 'CHAT_008' });
    expect(client.close).toBeUndefined();
  });

  it('invalid JSON in a SEND is an application error: the connection stays open', async () => {
    const client = await connected();
    client.sendFrame('SUBSCRIBE', { id: 'e', destination: '/user/queue/errors' });
    client.sendFrame('SEND', { destination: '/app/chat/1/send', receipt: 'r' }, '{"content":');
    await eventually(() => expect(client.commands()).toEqual(['CONNECTED', 'MESSAGE', 'RECEIPT']));
    expect(jsonOf(client.frames[1])).toMatchObject({ code: 'GLOBAL_400', data: { command: 'SEND', destination: '/app/chat/1/send' } });
    expect(client.close).toBeUndefined();
  });
});
