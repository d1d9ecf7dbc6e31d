import type { AccessTokenIssuer, Role } from '@sooscode/domain';
import type { StompEndpoint } from '@sooscode/adapters/stomp/index';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RawStompClient, jsonOf } from '../../../adapters/test/stomp/support/raw-stomp-client';
import { TOKENS } from '../../src/tokens';
import { HttpClient, startTestServer, type TestServer } from '../support/test-server';
import { castOf, claimsOf, createAccount, logIn, topics, type Actor, type Cast } from './support/cast';
import { closeAllClients, LiveClient } from './support/live-client';
import { eventually } from './support/eventually';

let server: TestServer;
let cast: Cast;
let wsUrl: string;
const raws: RawStompClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: { SEED_DEMO_DATA: 'true', STOMP_MAX_SESSIONS_PER_USER: '2', REFRESH_REUSE_GRACE_S: '0' } });
  wsUrl = `${server.url.replace('http', 'ws')}/ws`;
  cast = await castOf(server.url);
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  for (const raw of raws.splice(0)) raw.terminate();
  await closeAllClients();
  const endpoint = server.container.get<StompEndpoint>(TOKENS.StompEndpoint);
  await eventually(() => expect(endpoint.sessionCount).toBe(0)); // STOMP_MAX_SESSIONS_PER_USER is 2 here
});

async function raw(path = '', options: Parameters<typeof RawStompClient.open>[1] = {}): Promise<RawStompClient> {
  const client = await RawStompClient.open(wsUrl + path, options);
  raws.push(client);
  return client;
}

/** An access token for `who` that expired an hour ago (same secret, issuer, audience and family). */
async function expiredToken(who: Actor): Promise<string> {
  const issuer = server.container.get<AccessTokenIssuer>(TOKENS.AccessTokenIssuer);
  const claims = claimsOf(who.token);
  const { token } = await issuer.issue({ userId: who.id, email: claims.email, role: claims.role as Role, familyId: who.familyId }, new Date(Date.now() - 2 * 3600_000));
  return token;
}

/** Connects a raw client and returns the server's single answer frame and the close. */
async function connectRaw(headers: Record<string, string>, handshake: Record<string, string> = {}) {
  const client = await raw('', { headers: handshake });
  client.connectFrame(headers);
  await eventually(() => expect(client.frames.length).toBeGreaterThan(0));
  return client;
}

const ERROR_401 = { success: false, status: 401, code: 'GLOBAL_401', message: '인증이 필요합니다' };

describe('CONNECT authentication (stomp.md §2.1)', () => {
  it('refuses a CONNECT without credentials with ERROR GLOBAL_401, then closes (1008)', async () => {
    const client = await connectRaw({ login: 'guest', passcode: 'guest' });
    const close = await client.closed;
    expect(client.commands()).toEqual(['ERROR']);
    expect(client.frames[0]!.headers.get('message')).toBe('GLOBAL_401');
    expect(client.frames[0]!.headers.get('content-type')).toBe('application/json');
    expect(jsonOf(client.frames[0])).toEqual(ERROR_401);
    expect(close.code).toBe(1008);
    await expect(LiveClient.connect(server.url)).rejects.toThrow('ERROR GLOBAL_401');
  });

  it('accepts each credential source and announces the session', async () => {
    const bearer = await connectRaw({ Authorization: `Bearer ${cast.student1.token}` });
    expect(bearer.frames[0]!.command).toBe('CONNECTED');
    expect(Object.fromEntries(bearer.frames[0]!.headers)).toMatchObject({ version: '1.2', 'heart-beat': '10000,0', server: 'sooscode-api', 'user-name': String(cast.student1.id) });
    const lower = await connectRaw({ authorization: `Bearer ${cast.student2.token}` });
    expect(lower.frames[0]!.headers.get('user-name')).toBe(String(cast.student2.id));
    const passcode = await connectRaw({ login: 'x', passcode: cast.instructor.token });
    expect(passcode.frames[0]!.headers.get('user-name')).toBe(String(cast.instructor.id));
    const handshake = await connectRaw({}, { Authorization: `Bearer ${cast.outsider.token}` });
    expect(handshake.frames[0]!.headers.get('user-name')).toBe(String(cast.outsider.id));
    const cookie = await connectRaw({ 'accept-version': '1.0,1.1', isInstructor: 'true' }, { Cookie: `theme=dark; accessToken=${cast.student2.token}` });
    expect(Object.fromEntries(cookie.frames[0]!.headers)).toMatchObject({ version: '1.1', 'user-name': String(cast.student2.id) });
  });

  it('an explicit invalid token never falls back to the cookie', async () => {
    const cookie = { Cookie: `accessToken=${cast.student1.token}` };
    const connectHeader = await connectRaw({ Authorization: 'Bearer not-a-token' }, cookie);
    expect(connectHeader.frames[0]!.headers.get('message')).toBe('GLOBAL_401');
    const handshakeHeader = await connectRaw({}, { ...cookie, Authorization: 'Bearer not-a-token' });
    expect(handshakeHeader.frames[0]!.headers.get('message')).toBe('GLOBAL_401');
  });

  it('an expired token alone is AUTH_401; an expired access cookie falls back to the current refresh cookie, read-only', async () => {
    const who = await logIn(server.url, 'student1@sooscode.local', 'Student1!');
    const expired = await expiredToken(who);
    const alone = await connectRaw({ Authorization: `Bearer ${expired}` });
    expect(alone.frames[0]!.headers.get('message')).toBe('AUTH_401');
    expect(jsonOf(alone.frames[0])).toMatchObject({ status: 401, code: 'AUTH_401' });
    expect((await alone.closed).code).toBe(1008);
    const cookieAlone = await connectRaw({}, { Cookie: `accessToken=${expired}` });
    expect(cookieAlone.frames[0]!.headers.get('message')).toBe('AUTH_401');
    const badRefresh = await connectRaw({}, { Cookie: `accessToken=${expired}; refreshToken=nope` });
    expect(badRefresh.frames[0]!.headers.get('message')).toBe('AUTH_401');

    const refresh = who.http.cookies.get('refreshToken')!;
    const fallback = await connectRaw({}, { Cookie: `accessToken=${expired}; refreshToken=${refresh}` });
    expect(fallback.frames[0]!.command).toBe('CONNECTED');
    expect(fallback.frames[0]!.headers.get('user-name')).toBe(String(who.id));
    const onlyRefresh = await connectRaw({}, { Cookie: `refreshToken=${refresh}` });
    expect(onlyRefresh.frames[0]!.command).toBe('CONNECTED');
    // the refresh token was not consumed: it still rotates over REST; the superseded one is then refused
    const rotated = await who.http.json('POST', '/api/auth/refresh');
    expect(rotated.body.code).toBe('AUTH_005');
    const superseded = await connectRaw({}, { Cookie: `refreshToken=${refresh}` });
    expect(superseded.frames[0]!.headers.get('message')).toBe('GLOBAL_401');
  });

  it('limits sessions per user: the new session gets GLOBAL_429, the old ones stay', async () => {
    const first = await LiveClient.connect(server.url, { token: cast.otherInstructor.token });
    const second = await LiveClient.connect(server.url, { token: cast.otherInstructor.token });
    const third = await connectRaw({ Authorization: `Bearer ${cast.otherInstructor.token}` });
    expect(third.frames[0]!.headers.get('message')).toBe('GLOBAL_429');
    await third.closed;
    await first.join(topics.chat(cast.otherClassId));
    expect(first.isConnected && second.isConnected).toBe(true);
  });
});

describe('SockJS (stomp.md §1)', () => {
  it('runs @stomp/stompjs over sockjs-client with the accessToken cookie and with a Bearer CONNECT header', async () => {
    const byCookie = await LiveClient.connect(server.url, { transport: 'sockjs', cookie: `accessToken=${cast.student1.token}` });
    const byBearer = await LiveClient.connect(server.url, { transport: 'sockjs', token: cast.instructor.token });
    expect(byCookie.connected?.headers['user-name']).toBe(String(cast.student1.id));
    await byCookie.join(topics.chat(1));
    await byBearer.join(topics.chat(1), topics.participants(1));
    byCookie.send('/app/chat/1/send', { content: 'SockJS 안녕' });
    await eventually(() => expect(byBearer.messages(topics.chat(1)).map((m) => m.content)).toContain('SockJS 안녕'));
    expect(byBearer.messages(topics.participants(1)).at(-1)).toMatchObject({ totalCount: 2 });
    await expect(LiveClient.connect(server.url, { transport: 'sockjs' })).rejects.toThrow('ERROR GLOBAL_401');
  });

  it('speaks SockJS framing on /ws/{server}/{session}/websocket with the cookie of the upgrade', async () => {
    const client = await raw('/123/abcdefgh/websocket', { sockjs: true, headers: { Cookie: `accessToken=${cast.student2.token}` } });
    await eventually(() => expect(client.sockjsFrames[0]).toBe('o'));
    client.sendText('CONNECT\naccept-version:1.2,1.1,1.0\nheart-beat:4000,4000\nisInstructor:false\n\n\0');
    client.ws.send(JSON.stringify(['SUBSCRIBE\nid:sub-0\ndestination:/topic/class/1/participants\n\n\0', 'SUBSCRIBE\nid:sub-1\ndestination:/topic/class/1/chat\nreceipt:joined\n\n\0']));
    await eventually(() => expect(client.commands()).toEqual(['CONNECTED', 'MESSAGE', 'MESSAGE', 'RECEIPT']));
    expect(client.frames[0]!.headers.get('user-name')).toBe(String(cast.student2.id));
    expect(jsonOf(client.messagesTo(topics.participants(1)).at(-1))).toMatchObject({ participants: [expect.objectContaining({ userId: cast.student2.id, username: '박학생' })] });
    expect(client.sockjsFrames.slice(1).every((f) => f.startsWith('a['))).toBe(true);
    client.sendText('DISCONNECT\nreceipt:bye\n\n\0');
    await client.closed;
    expect(client.frames.at(-1)?.headers.get('receipt-id')).toBe('bye');
    expect(client.sockjsFrames.at(-1)).toBe('c[1000,"DISCONNECT"]');
  });
});

describe('revocation closes live sessions (stomp.md §2.4)', () => {
  async function revoked(client: LiveClient): Promise<void> {
    await client.ended();
    expect(client.errorFrame?.headers['message']).toBe('GLOBAL_401');
    expect(JSON.parse(client.errorFrame!.body)).toEqual(ERROR_401);
    expect(client.closeCode).toBe(1008);
  }

  it('logout closes the sessions of that family only', async () => {
    const family = await logIn(server.url, 'student2@sooscode.local', 'Student2!');
    const doomed = await LiveClient.connect(server.url, { cookie: `accessToken=${family.token}` });
    const other = await LiveClient.connect(server.url, { token: cast.student2.token });
    const watcher = await LiveClient.connect(server.url, { token: cast.instructor.token });
    await watcher.join(topics.chat(1), topics.participants(1));
    await doomed.join(topics.chat(1));
    await eventually(() => expect(watcher.messages(topics.participants(1)).at(-1)).toMatchObject({ totalCount: 2 }));
    const out = await family.http.json('POST', '/api/auth/logout', { body: {} });
    expect(out.body.code).toBe('AUTH_001');
    await revoked(doomed);
    await eventually(() => expect(watcher.messages(topics.participants(1)).at(-1)).toMatchObject({ totalCount: 1 })); // leaving
    await other.join(topics.chat(1));
    expect(other.isConnected).toBe(true);
    await expect(LiveClient.connect(server.url, { token: family.token })).rejects.toThrow('ERROR GLOBAL_401');
  });

  it('a password change closes the sessions of the other families, not the current one', async () => {
    const user = await createAccount(cast.admin.http, 'changer@test.local', '윤변경', 'STUDENT');
    const elsewhere = await logIn(server.url, user.email, user.password);
    const current = await LiveClient.connect(server.url, { token: user.token });
    const other = await LiveClient.connect(server.url, { cookie: `accessToken=${elsewhere.token}` });
    const r = await user.http.json('POST', '/api/mypage/password/update', { body: { currentPassword: user.password, newPassword: 'Changed12!', confirmPassword: 'Changed12!' } });
    expect(r.status).toBe(200);
    await revoked(other);
    await current.sent('/app/chat/1/typing', {}); // a round trip: still open
    expect(current.isConnected).toBe(true);
  });

  it('refresh-token reuse closes the family', async () => {
    const family = await logIn(server.url, 'student1@sooscode.local', 'Student1!');
    const oldRefresh = family.http.cookies.get('refreshToken')!;
    const live = await LiveClient.connect(server.url, { token: family.token });
    expect((await family.http.json('POST', '/api/auth/refresh')).body.code).toBe('AUTH_005');
    const replay = new HttpClient(server.url);
    replay.cookies.set('refreshToken', oldRefresh);
    const reuse = await replay.json('POST', '/api/auth/refresh');
    expect(reuse.status).toBe(401);
    await revoked(live);
  });

  it('admin deactivation closes every session of that user', async () => {
    const user = await createAccount(cast.admin.http, 'leaving@test.local', '한탈퇴', 'STUDENT');
    const second = await logIn(server.url, user.email, user.password);
    const a = await LiveClient.connect(server.url, { token: user.token });
    const b = await LiveClient.connect(server.url, { transport: 'sockjs', cookie: `accessToken=${second.token}` });
    const bystander = await LiveClient.connect(server.url, { token: cast.student1.token });
    const r = await cast.admin.http.json('POST', `/api/admin/users/${user.id}/deactivate`);
    expect(r.status).toBe(200);
    await revoked(a);
    await b.ended();
    expect(b.errorFrame?.headers['message']).toBe('GLOBAL_401');
    await expect(LiveClient.connect(server.url, { token: second.token })).rejects.toThrow('ERROR GLOBAL_401');
    expect(bystander.isConnected).toBe(true);
  });
});
