import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64, startCompileServer, type CompileServer } from '../compile/compile-server';
import { FakeWorker } from '../compile/fake-worker';
import { RecordingLogger } from '../compile/recording-logger';
import { castOf, topics, type Cast } from '../realtime/support/cast';
import { closeAllClients, LiveClient } from '../realtime/support/live-client';
import { startTestServer, type TestServer } from '../support/test-server';

/** The value of the first sample of `series` (name plus labels, as printed) in an exposition. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics and the access log, after HTTP requests, STOMP frames and a compile run', () => {
  let worker: FakeWorker;
  let api: CompileServer;
  let cast: Cast;
  const logger = new RecordingLogger();
  let text: string;
  beforeAll(async () => {
    worker = await FakeWorker.start();
    worker.behaviour = { kind: 'callback', result: { status: 'SUCCESS', output: 'hi\n' } };
    api = await startCompileServer({ logger, env: { COMPILE_WORKER_URL: worker.url, COMPILE_COOLDOWN_S: '0', SEED_DEMO_DATA: 'true', LOG_LEVEL: 'info' } });
    const url = api.server.url;
    cast = await castOf(url);
    expect((await cast.student1.http.json('GET', '/api/class/1')).status).toBe(200);
    expect((await cast.student1.http.json('GET', '/api/class/999999')).status).toBe(404);
    expect((await fetch(`${url}/no/such/path/42`)).status).toBe(404);
    const live = await LiveClient.connect(url, { token: cast.student1.token });
    await live.join(topics.chat(1));
    await live.sent('/app/chat/1/send', { content: 'metrics' });
    const { headers } = await api.newUser();
    expect((await api.run(headers, { code: b64('class Main {}') })).status).toBe(200);
    const scrape = await fetch(`${url}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    text = await scrape.text();
  });
  afterAll(async () => {
    await closeAllClients();
    await api?.stop();
    await worker?.stop();
  });

  it('counts HTTP requests by method, route template and status, with latency histograms, never by raw path', () => {
    expect(sample(text, 'sooscode_http_requests_total{method="GET",route="/api/class/:classId",status="200"}')).toBe(1);
    expect(sample(text, 'sooscode_http_requests_total{method="GET",route="/api/class/:classId",status="404"}')).toBe(1);
    expect(sample(text, 'sooscode_http_requests_total{method="GET",route="(unmatched)",status="404"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'sooscode_http_request_duration_seconds_count{method="POST",route="/api/compile/run",status="200"}')).toBe(1);
    expect(text).toContain('sooscode_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/class/:classId",status="200"}');
    expect(text).not.toMatch(/route="[^"]*(999999|\/no\/such)/);
  });

  it('reports STOMP sessions, subscriptions, frames in and out, drops and slow consumers', () => {
    expect(sample(text, 'sooscode_stomp_sessions')).toBe(1);
    expect(sample(text, 'sooscode_stomp_subscriptions')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'sooscode_stomp_frames_received_total{command="CONNECT"}')).toBe(1);
    expect(sample(text, 'sooscode_stomp_frames_received_total{command="SEND"}')).toBe(1);
    expect(sample(text, 'sooscode_stomp_frames_sent_total')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'sooscode_stomp_frames_dropped_total{reason="rate_limit"}')).toBe(0);
    expect(sample(text, 'sooscode_stomp_slow_consumers_total')).toBe(0);
  });

  it('reports compile runs by outcome and backend, pending runs and the wait; chat, Redis and database errors; process metrics', () => {
    expect(sample(text, 'sooscode_compile_jobs_total{outcome="success",backend="worker"}')).toBe(1);
    expect(sample(text, 'sooscode_compile_queue_wait_seconds_count{backend="worker"}')).toBe(1);
    expect(sample(text, 'sooscode_compile_pending_jobs')).toBe(0);
    expect(sample(text, 'sooscode_chat_messages_stored_total')).toBe(1);
    expect(sample(text, 'sooscode_redis_errors_total')).toBe(0);
    expect(sample(text, 'sooscode_database_errors_total')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_heap_size_used_bytes');
  });

  it('logs one info line per request with the route template, status, duration, request id and user id; no credentials', () => {
    const requests = logger.entries.filter((e) => e.level === 'info' && e.msg === 'request').map((e) => e.obj as Record<string, unknown>);
    const gate = requests.find((r) => r.route === '/api/class/:classId' && r.status === 200)!;
    expect(gate).toMatchObject({ method: 'GET', requestId: expect.any(String), userId: cast.student1.id, ms: expect.any(Number) });
    expect(requests.find((r) => r.route === '/api/auth/login')?.userId).toBeUndefined();
    const logged = logger.text();
    for (const secret of [cast.student1.token, 'Student1!', 'Admin1234!']) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/cookie|999999/i);
  });

  it('logs STOMP session open and close at info', async () => {
    const opened = logger.entries.filter((e) => e.level === 'info' && e.msg === 'stomp session opened');
    expect(opened.map((e) => (e.obj as { userId: number }).userId)).toContain(cast.student1.id);
    await closeAllClients();
    await expect.poll(() => logger.entries.some((e) => e.level === 'info' && e.msg === 'stomp session closed' && (e.obj as { userId?: number }).userId === cast.student1.id)).toBe(true);
  });
});

describe('GET /metrics is not public', () => {
  let server: TestServer;
  let open: TestServer;
  beforeAll(async () => {
    [server, open] = await Promise.all([startTestServer({ env: { METRICS_TOKEN: 'scrape-token-0123456789' } }), startTestServer()]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), open?.stop()]);
  });

  it('with METRICS_TOKEN set, refuses a scrape without the bearer token (401) and serves one with it', async () => {
    const anonymous = await fetch(`${server.url}/metrics`);
    expect([anonymous.status, ((await anonymous.json()) as { code: string }).code]).toEqual([401, 'GLOBAL_401']);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const scrape = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer scrape-token-0123456789' } });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('sooscode_http_requests_total');
  });

  it('without a token, serves loopback peers only, and refuses requests relayed by a proxy (403)', async () => {
    expect((await fetch(`${open.url}/metrics`)).status).toBe(200);
    const relayed = await fetch(`${open.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect([relayed.status, ((await relayed.json()) as { code: string }).code]).toEqual([403, 'GLOBAL_403']);
  });
});
