import type { IMessage } from '@stomp/stompjs';
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RawStompClient, jsonOf } from './support/raw-stomp-client';
import { ALLOWED_ORIGIN, startHarness, type Harness } from './support/stomp-harness';
import { activate, overSockJs, type ConnectedClient } from './support/stompjs-client';

let harness: Harness | undefined;
const clients: ConnectedClient[] = [];
const raws: RawStompClient[] = [];
const responses: IncomingMessage[] = [];

afterEach(async () => {
  for (const { client } of clients.splice(0)) await client.deactivate({ force: true });
  for (const client of raws.splice(0)) client.terminate();
  for (const res of responses.splice(0)) res.destroy();
  await harness?.close();
  harness = undefined;
});

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

function http(method: string, url: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens an xhr_streaming response and collects what it streams. */
function stream(url: string, headers: Record<string, string>): Promise<{ chunks: string[]; res: IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: string[] = [];
      responses.push(res);
      res.on('data', (d: Buffer) => chunks.push(d.toString()));
      resolve({ chunks, res });
    });
    req.on('error', reject);
    req.end();
  });
}

async function stompjs(...args: Parameters<typeof activate>): Promise<ConnectedClient> {
  const connected = await activate(...args);
  clients.push(connected);
  return connected;
}

describe('STOMP over SockJS', () => {
  it('answers /ws/info with the contract JSON, no-store caching and CORS for an allowed Origin', async () => {
    harness = await startHarness();
    const reply = await http('GET', `${harness.httpUrl}/ws/info`, { Origin: ALLOWED_ORIGIN });
    expect(reply.status).toBe(200);
    const info = JSON.parse(reply.body) as Record<string, unknown>;
    expect(Object.keys(info)).toEqual(['websocket', 'origins', 'cookie_needed', 'entropy']);
    expect(info).toMatchObject({ websocket: true, origins: ['*:*'], cookie_needed: false });
    expect(Number.isInteger(info['entropy'])).toBe(true);
    expect(reply.headers['cache-control']).toBe('no-store, no-cache, no-transform, must-revalidate, max-age=0');
    expect(reply.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(reply.headers['access-control-allow-credentials']).toBe('true');
    expect(reply.headers['vary']).toBe('Origin');
  });

  it('refuses a foreign Origin with 403 and no CORS headers', async () => {
    harness = await startHarness();
    const reply = await http('GET', `${harness.httpUrl}/ws/info`, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toEqual({ success: false, status: 403, code: 'GLOBAL_403', message: '접근 권한이 없습니다' });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers preflights, the greeting, and leaves other paths to the application', async () => {
    harness = await startHarness();
    const preflight = await http('OPTIONS', `${harness.httpUrl}/ws/123/abcdefgh/xhr_streaming`, {
      Origin: ALLOWED_ORIGIN,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type');
    expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    const greeting = await http('GET', `${harness.httpUrl}/ws`);
    expect(greeting.body).toBe('Welcome to SockJS!\n');
    expect(greeting.headers['content-type']).toMatch(/^text\/plain/);
    expect((await http('GET', `${harness.httpUrl}/wsx`)).body).toBe('app');
  });

  it('speaks SockJS framing over WebSocket and authenticates from the handshake cookie', async () => {
    harness = await startHarness();
    const client = await RawStompClient.open(`${harness.wsUrl}/123/abcdefgh/websocket`, {
      sockjs: true,
      headers: { Cookie: 'other=1; accessToken=valid-7' },
    });
    raws.push(client);
    await vi.waitFor(() => expect(client.sockjsFrames[0]).toBe('o'));
    client.sendText('CONNECT\naccept-version:1.2,1.1,1.0\nheart-beat:4000,4000\nisInstructor:false\n\n\0');
    client.ws.send(JSON.stringify(['SUBSCRIBE\nid:sub-0\ndestination:/topic/class/1/chat\n', 'receipt:r\n\n\0']));
    await vi.waitFor(() => expect(client.commands()).toEqual(['CONNECTED', 'RECEIPT']));
    expect(client.frames[0]?.headers.get('user-name')).toBe('7');
    harness.registry.publish('/topic/class/1/chat', { content: '안녕' });
    await vi.waitFor(() => expect(jsonOf(client.messagesTo('/topic/class/1/chat')[0])).toEqual({ content: '안녕' }));
    client.sendText('DISCONNECT\nreceipt:bye\n\n\0');
    await client.closed;
    expect(client.frames.at(-1)?.headers.get('receipt-id')).toBe('bye');
    expect(client.sockjsFrames.at(-1)).toBe('c[1000,"DISCONNECT"]');
  });

  it('ends a SockJS session with a c frame after an ERROR', async () => {
    harness = await startHarness();
    const client = await RawStompClient.open(`${harness.wsUrl}/123/abcdefgh/websocket`, { sockjs: true });
    raws.push(client);
    client.sendText('CONNECT\naccept-version:1.2\n\n\0');
    await client.closed;
    expect(client.frames.map((f) => f.headers.get('message'))).toEqual(['GLOBAL_401']);
    expect(client.sockjsFrames.at(-1)).toBe('c[1008,"GLOBAL_401"]');
  });

  it('closes a SockJS WebSocket that sends broken framing', async () => {
    harness = await startHarness();
    const client = await RawStompClient.open(`${harness.wsUrl}/123/abcdefgh/websocket`, { sockjs: true });
    raws.push(client);
    client.ws.send('{not json');
    await client.closed;
    expect(client.sockjsFrames.at(-1)).toBe('c[3000,"Broken framing."]');
  });

  it('connects @stomp/stompjs over sockjs-client with the accessToken cookie', async () => {
    harness = await startHarness();
    const { client, connected } = await stompjs(overSockJs(harness.httpUrl, { cookie: 'accessToken=valid-12' }));
    expect(connected.headers['user-name']).toBe('12');
    const received: IMessage[] = [];
    client.subscribe('/topic/echo', (m) => received.push(m));
    await vi.waitFor(() => expect(harness?.registry.subscriberCount('/topic/echo')).toBe(1));
    client.publish({ destination: '/app/echo', body: '{"content":"hi"}' });
    await vi.waitFor(() => expect(received.map((m) => JSON.parse(m.body))).toEqual([{ content: 'hi' }]));
  });

  it('connects sockjs-client over xhr-streaming with a Bearer CONNECT header', async () => {
    harness = await startHarness();
    const { client, connected } = await stompjs({
      ...overSockJs(harness.httpUrl, { transports: ['xhr-streaming'] }),
      connectHeaders: { Authorization: 'Bearer valid-21' },
    });
    expect(connected.headers['user-name']).toBe('21');
    const receipt = new Promise((resolve) => client.watchForReceipt('r-1', resolve));
    client.subscribe('/topic/x', () => undefined, { receipt: 'r-1' });
    await receipt;
    expect(harness.registry.subscriberCount('/topic/x')).toBe(1);
  });

  it('authenticates an xhr_streaming session from the cookie of the request that opened it', async () => {
    harness = await startHarness();
    const base = `${harness.httpUrl}/ws/042/cookiesess`;
    const { chunks } = await stream(`${base}/xhr_streaming`, { Cookie: 'accessToken=valid-33', Origin: ALLOWED_ORIGIN });
    await vi.waitFor(() => expect(chunks.join('')).toContain('o\n'));
    const sent = await http('POST', `${base}/xhr_send`, { 'Content-Type': 'text/plain' }, JSON.stringify(['CONNECT\naccept-version:1.2\n\n\0']));
    expect(sent.status).toBe(204);
    await vi.waitFor(() => expect(chunks.join('')).toContain('user-name:33'));
    expect(harness.registry.sessionCount(33)).toBe(1);
  });
});
