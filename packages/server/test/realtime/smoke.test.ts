import { Client } from '@stomp/stompjs';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HttpClient, startTestServer, type TestServer } from '../support/test-server';

describe('live classroom smoke', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_DEMO_DATA: 'true' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('joins, chats and sees presence over raw WebSocket with a Bearer token', async () => {
    const http = new HttpClient(server.url);
    await http.login('student1@sooscode.local', 'Student1!');
    const token = http.cookies.get('accessToken')!;
    const client = new Client({
      webSocketFactory: () => new WebSocket(`${server.url.replace('http', 'ws')}/ws`, ['v12.stomp']),
      connectHeaders: { Authorization: `Bearer ${token}` },
      reconnectDelay: 0,
    });
    const got: { dest: string; body: unknown }[] = [];
    await new Promise<void>((resolve, reject) => {
      client.onConnect = () => resolve();
      client.onStompError = (f) => reject(new Error(f.body));
      client.activate();
    });
    for (const d of ['/topic/class/1/chat', '/topic/class/1/participants']) client.subscribe(d, (m) => got.push({ dest: d, body: JSON.parse(m.body) }));
    await vi.waitFor(() => expect(got.some((g) => g.dest.endsWith('participants'))).toBe(true));
    client.publish({ destination: '/app/chat/1/send', body: JSON.stringify({ content: '안녕하세요' }) });
    await vi.waitFor(() => expect(got.some((g) => g.dest.endsWith('chat'))).toBe(true));
    const history = await http.json('GET', '/api/chat/history?classId=1');
    expect((history.body.data as { messages: { content: string }[] }).messages.map((m) => m.content)).toContain('안녕하세요');
    const participants = await http.json('GET', '/api/class/1/participants');
    expect((participants.body as { totalCount: number }).totalCount).toBe(1);
    await client.deactivate();
  });
});
