import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HAS_REDIS } from '../../../adapters/test/support/services';
import { startSecondNode, type SecondNode } from '../realtime/support/second-node';
import { HttpClient, startTestServer, type TestServer } from '../support/test-server';

// The per-request checks are cached on each node; every change must reach the other node at once.
describe.skipIf(!HAS_REDIS)('revocation and account changes across two nodes (cached checks)', () => {
  let a: TestServer;
  let b: SecondNode;
  beforeAll(async () => {
    a = await startTestServer({ redis: true, env: { SEED_DEMO_DATA: 'true' } });
    b = await startSecondNode(a);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('logout on node A refuses the old access token on node B', async () => {
    const http = new HttpClient(a.url);
    await http.login('student1@sooscode.local', 'Student1!');
    const token = http.cookies.get('accessToken')!;
    const onB = new HttpClient(b.url);
    expect((await onB.json('GET', '/api/me', { headers: bearer(token) })).status).toBe(200);
    expect((await http.json('POST', '/api/auth/logout', { body: {} })).status).toBe(200);
    await vi.waitFor(async () => expect((await onB.json('GET', '/api/me', { headers: bearer(token) })).status).toBe(401), { timeout: 500, interval: 20 });
  });

  it('a role change and a deactivation on node A apply to the next request on node B', async () => {
    const admin = new HttpClient(a.url);
    await admin.login('admin@test.local', 'Admin1234!');
    const created = await admin.json('POST', '/api/admin/users/create', { body: { email: 'cluster.user@example.com', name: '클러스터', role: 'STUDENT' } });
    const { userId, temporaryPassword } = created.body.data as { userId: number; temporaryPassword: string };
    const user = new HttpClient(b.url);
    await user.login('cluster.user@example.com', temporaryPassword);
    expect(((await user.json('GET', '/api/me')).body.data as { role: string }).role).toBe('STUDENT');
    expect((await admin.json('POST', `/api/admin/users/${userId}/role`, { body: { role: 'instructor' } })).status).toBe(200);
    await vi.waitFor(async () => expect(((await user.json('GET', '/api/me')).body.data as { role: string }).role).toBe('INSTRUCTOR'), { timeout: 500, interval: 20 });
    expect((await admin.json('POST', `/api/admin/users/${userId}/deactivate`)).status).toBe(200);
    await vi.waitFor(async () => expect((await user.json('GET', '/api/me')).status).toBe(401), { timeout: 500, interval: 20 });
  });
});
