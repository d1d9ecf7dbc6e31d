import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, startTestServer, type TestServer } from '../support/test-server';

describe('framework-level errors (http.md §1.5)', () => {
  let server: TestServer;
  let http: HttpClient;
  beforeAll(async () => {
    server = await startTestServer();
    http = new HttpClient(server.url);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers an unknown path with 404 GLOBAL_404, authenticated or not', async () => {
    const r = await http.json('GET', '/api/nope');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ success: false, status: 404, code: 'GLOBAL_404', message: '요청한 리소스를 찾을 수 없습니다' });
    expect(r.res.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(r.res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a known path with the wrong method with 405 and an Allow header', async () => {
    const r = await http.json('GET', '/api/auth/login');
    expect(r.status).toBe(405);
    expect(r.body.code).toBe('GLOBAL_405');
    expect(r.res.headers.get('allow')).toContain('POST');
  });

  it('answers malformed JSON with 400 GLOBAL_400 and a non-JSON type with 415', async () => {
    const bad = await http.json('POST', '/api/auth/login', { raw: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('GLOBAL_400');
    const arr = await http.json('POST', '/api/auth/login', { body: [1, 2] });
    expect(arr.body.code).toBe('GLOBAL_400');
    const text = await http.json('POST', '/api/auth/login', { raw: 'email=x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('GLOBAL_415');
  });

  it('answers an oversized body with 413 GLOBAL_413', async () => {
    const r = await http.json('POST', '/api/auth/login', { raw: JSON.stringify({ email: 'x'.repeat(1024 * 1024 + 10) }), headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('GLOBAL_413');
  });

  it('puts 404 and 405 before 413 for an oversized body', async () => {
    const big = JSON.stringify({ x: 'y'.repeat(1024 * 1024 + 10) });
    const unknown = await http.json('POST', '/api/nope', { raw: big, headers: { 'content-type': 'application/json' } });
    expect(unknown.status).toBe(404);
    const wrongMethod = await http.json('PUT', '/api/auth/login', { raw: big, headers: { 'content-type': 'application/json' } });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.res.headers.get('allow')).toContain('POST');
  });

  it('echoes a well-formed X-Request-Id and replaces a hostile one', async () => {
    const ok = await http.request('GET', '/healthz', { headers: { 'x-request-id': 'abc_DEF-123' } });
    expect(ok.headers.get('x-request-id')).toBe('abc_DEF-123');
    const bad = await http.request('GET', '/healthz', { headers: { 'x-request-id': 'a b<script>' } });
    expect(bad.headers.get('x-request-id')).not.toBe('a b<script>');
  });

  it('applies CORS with exact origin echo, and refuses foreign origins with 403', async () => {
    const ok = await http.request('GET', '/api/nope', { headers: { origin: 'http://localhost:5173' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ok.headers.get('vary')).toContain('Origin');
    const pre = await http.request('OPTIONS', '/api/auth/login', { headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');
    const evil = await http.json('GET', '/api/me', { headers: { origin: 'http://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.body.code).toBe('GLOBAL_403');
    expect(evil.res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reports liveness and readiness', async () => {
    expect((await http.json('GET', '/healthz')).status).toBe(200);
    const ready = await http.json('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect((ready.body.data as { checks: Record<string, string> }).checks.database).toBe('UP');
  });
});
