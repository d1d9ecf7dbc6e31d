import type { IMessage } from '@stomp/stompjs';
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { RawStompClient, jsonOf } from './support/raw-stomp-client';
import { ALLOWED_ORIGIN, startHarness, type Harness } from './support/stomp-harness';
import { activate, overWs, type ConnectedClient } from './support/stompjs-client';

let harness: Harness | undefined;
const clients: ConnectedClient[] = [];
const raws: RawStompClient[] = [];

async function start(...args: Parameters<typeof startHarness>): Promise<Harness> {
  harness = await startHarness(...args);
  return harness;
}

async function raw(url: string, options?: Parameters<typeof RawStompClient.open>[1]): Promise<RawStompClient> {
  const client = await RawStompClient.open(url, options);
  raws.push(client);
  return client;
}

async function stompjs(...args: Parameters<typeof activate>): Promise<ConnectedClient> {
  const connected = await activate(...args);
  clients.push(connected);
  return connected;
}

afterEach(async () => {
  for (const { client } of clients.splice(0)) await client.deactivate({ force: true });
  for (const client of raws.splice(0)) client.terminate();
  await harness?.close();
  harness = undefined;
});

describe('STOMP over raw WebSocket', () => {
  it('connects @stomp/stompjs with a Bearer CONNECT header and answers the STOMP subprotocol', async () => {
    const h = await start();
    const { client, connected } = await stompjs({ ...overWs(h.wsUrl), connectHeaders: { Authorization: 'Bearer valid-7' } });
    expect(connected.headers).toMatchObject({ version: '1.2', 'heart-beat': '10000,0', server: 'sooscode-api', 'user-name': '7' });
    expect(connected.headers['session']).toMatch(/^[0-9a-f-]{36}$/);
    expect((client.webSocket as unknown as WebSocket).protocol).toBe('v12.stomp');
  });

  it('rejects a client without credentials with ERROR GLOBAL_401 and close 1008', async () => {
    const h = await start();
    const client = await raw(h.wsUrl);
    client.connectFrame();
    const closed = await client.closed;
    expect(client.commands()).toEqual(['ERROR']);
    expect(client.frames[0]?.headers.get('message')).toBe('GLOBAL_401');
    expect(closed.code).toBe(1008);
    await expect(stompjs(overWs(h.wsUrl))).rejects.toThrow('STOMP ERROR GLOBAL_401');
  });

  it('authenticates from the handshake Authorization header', async () => {
    const h = await start();
    const { connected } = await stompjs(overWs(h.wsUrl, { Authorization: 'Bearer valid-4' }));
    expect(connected.headers['user-name']).toBe('4');
  });

  it('answers v11.stomp when only it is offered, and no subprotocol when none matches', async () => {
    const h = await start();
    expect((await raw(h.wsUrl, { protocols: ['v11.stomp'] })).ws.protocol).toBe('v11.stomp');
    // the ws client itself fails when the server selects none of its offers
    await expect(raw(h.wsUrl, { protocols: ['mqtt'] })).rejects.toThrow('Server sent no subprotocol');
    expect((await raw(`${h.wsUrl}/websocket`)).ws.protocol).toBe('');
  });

  it('delivers publications, receipts and application errors to real clients', async () => {
    const h = await start();
    const a = await stompjs({ ...overWs(h.wsUrl), connectHeaders: { Authorization: 'Bearer valid-1' } });
    const b = await stompjs({ ...overWs(h.wsUrl), connectHeaders: { Authorization: 'Bearer valid-2' } });
    const received: IMessage[] = [];
    const errors: IMessage[] = [];
    const receipt = new Promise((resolve) => b.client.watchForReceipt('sub-1', resolve));
    b.client.subscribe('/topic/echo', (m) => received.push(m), { receipt: 'sub-1' });
    b.client.subscribe('/topic/echo', (m) => received.push(m));
    a.client.subscribe('/user/queue/errors', (m) => errors.push(m));
    await receipt;
    await vi.waitFor(() => expect(h.registry.subscriberCount('/topic/echo')).toBe(2));
    a.client.publish({ destination: '/app/echo', body: JSON.stringify({ content: '안녕하세요' }) });
    a.client.publish({ destination: '/app/deny', body: '{}' });
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received.map((m) => JSON.parse(m.body))).toEqual([{ content: '안녕하세요' }, { content: '안녕하세요' }]);
    expect(new Set(received.map((m) => m.headers['subscription'])).size).toBe(2);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(JSON.parse(errors[0]?.body ?? '')).toMatchObject({ code: 'CLASS_002', data: { command: 'SEND', destination: '/app/deny' } });
    expect(a.client.connected).toBe(true);
  });

  it('answers DISCONNECT with a RECEIPT, closes and ends the session', async () => {
    const h = await start();
    const client = await raw(h.wsUrl);
    client.connectFrame({ Authorization: 'Bearer valid-3' });
    client.sendFrame('DISCONNECT', { receipt: 'bye' });
    const closed = await client.closed;
    expect(client.commands()).toEqual(['CONNECTED', 'RECEIPT']);
    expect(client.frames[1]?.headers.get('receipt-id')).toBe('bye');
    expect(closed.code).toBe(1000);
    await vi.waitFor(() => expect(h.app.ended).toHaveLength(1));
    const { client: js } = await stompjs({ ...overWs(h.wsUrl), connectHeaders: { Authorization: 'Bearer valid-5' } });
    await js.deactivate();
    await vi.waitFor(() => expect(h.app.ended).toHaveLength(2));
  });

  it('accepts frames in binary messages, split across messages and several per message', async () => {
    const h = await start();
    const client = await raw(h.wsUrl);
    const connect = Buffer.from('CONNECT\naccept-version:1.2\nAuthorization:Bearer valid-1\n\n\0SUBSCRIBE\nid:1\ndestination:/topic/채팅\n');
    client.ws.send(connect.subarray(0, connect.length - 7), { binary: true });
    client.ws.send(connect.subarray(connect.length - 7), { binary: true });
    client.sendText('receipt:r\n\n\0');
    await vi.waitFor(() => expect(client.commands()).toEqual(['CONNECTED', 'RECEIPT']));
    h.registry.publish('/topic/채팅', { ok: 1 });
    await vi.waitFor(() => expect(jsonOf(client.messagesTo('/topic/채팅')[0])).toEqual({ ok: 1 }));
  });

  it('answers a too-large frame with ERROR GLOBAL_413 and close 1009', async () => {
    const h = await start();
    const client = await raw(h.wsUrl);
    client.connectFrame({ Authorization: 'Bearer valid-1' });
    client.sendFrame('SEND', { destination: '/app/echo' }, JSON.stringify({ code: 'x'.repeat(300_000) }));
    const closed = await client.closed;
    expect(client.frames.at(-1)?.headers.get('message')).toBe('GLOBAL_413');
    expect(closed.code).toBe(1009);
  });

  it('answers malformed input and unknown commands with ERROR GLOBAL_400 and close 1002', async () => {
    const h = await start();
    const malformed = await raw(h.wsUrl);
    malformed.connectFrame({ Authorization: 'Bearer valid-1' });
    malformed.sendText('SEND\nno colon here\n\n\0');
    const unknown = await raw(h.wsUrl);
    unknown.connectFrame({ Authorization: 'Bearer valid-1' });
    unknown.sendFrame('PUBLISH', { destination: '/x' });
    const early = await raw(h.wsUrl);
    early.sendFrame('SEND', { destination: '/app/echo' }, '{}');
    for (const client of [malformed, unknown, early]) {
      expect((await client.closed).code).toBe(1002);
      expect(client.frames.at(-1)?.headers.get('message')).toBe('GLOBAL_400');
    }
  });

  it('sends heart-beats on time and drops a silent client without ERROR', async () => {
    const h = await start({ heartbeatSendMs: 30, heartbeatReceiveMs: 30 });
    const listener = await raw(h.wsUrl);
    listener.connectFrame({ Authorization: 'Bearer valid-1', 'heart-beat': '0,30' });
    await vi.waitFor(() => expect(listener.heartbeats).toBeGreaterThanOrEqual(3));
    const silent = await raw(h.wsUrl);
    silent.connectFrame({ Authorization: 'Bearer valid-2', 'heart-beat': '30,0' });
    const closed = await silent.closed;
    expect(closed.code).toBe(4408);
    expect(silent.commands()).toEqual(['CONNECTED']);
    expect(listener.close).toBeUndefined();
  });

  it('terminates a WebSocket that does not answer transport pings', async () => {
    const h = await start({}, { pingIntervalMs: 150 });
    const deaf = await raw(h.wsUrl, { autoPong: false });
    const healthy = await raw(h.wsUrl);
    healthy.connectFrame({ Authorization: 'Bearer valid-1' });
    await deaf.closed;
    await new Promise((r) => setTimeout(r, 200));
    expect(healthy.close).toBeUndefined();
  });

  it('refuses a handshake from a foreign Origin with 403, and allows listed or absent Origins', async () => {
    const h = await start();
    await expect(raw(h.wsUrl, { headers: { Origin: 'http://evil.example' } })).rejects.toThrow('HTTP 403');
    await expect(raw(`${h.wsUrl}/000/abcdefgh/websocket`, { headers: { Origin: 'null' } })).rejects.toThrow('HTTP 403');
    expect((await raw(h.wsUrl, { headers: { Origin: ALLOWED_ORIGIN } })).ws.readyState).toBe(WebSocket.OPEN);
    expect((await raw(h.wsUrl)).ws.readyState).toBe(WebSocket.OPEN);
  });

  it('cuts off a consumer that stops reading, with close 1008 and no ERROR', async () => {
    const h = await start({ maxOutboundBytes: 256 * 1024 });
    const slow = await raw(h.wsUrl);
    slow.connectFrame({ Authorization: 'Bearer valid-1' });
    slow.sendFrame('SUBSCRIBE', { id: '1', destination: '/topic/flood', receipt: 'r' });
    await vi.waitFor(() => expect(slow.commands()).toEqual(['CONNECTED', 'RECEIPT']));
    const tcp = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();
    const payload = { pad: 'x'.repeat(60_000) };
    for (let i = 0; i < 2000 && h.registry.subscriberCount('/topic/flood') > 0; i++) {
      h.registry.publish('/topic/flood', payload);
      if (i % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    expect(h.registry.subscriberCount('/topic/flood')).toBe(0);
    await vi.waitFor(() => expect(h.app.ended).toHaveLength(1));
    tcp.resume();
    await slow.closed;
    expect(slow.commands()).not.toContain('ERROR');
  });

  it('leaves other upgrades and HTTP requests to the application', async () => {
    const h = await start();
    const other = new WebSocket(`ws://127.0.0.1:${h.port}/other`);
    const status = await new Promise<number | undefined>((resolve) => {
      other.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      other.once('error', () => resolve(undefined));
    });
    expect(status).toBe(404);
    const body = await new Promise<string>((resolve, reject) => {
      request(`${h.httpUrl}/api/health`, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
    expect(body).toBe('app');
  });
});
