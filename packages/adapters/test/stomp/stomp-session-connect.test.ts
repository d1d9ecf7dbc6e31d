import { describe, expect, it } from 'vitest';
import { jsonOf } from './support/raw-stomp-client';
import { sessionFixture, settle, until } from './support/session-fixture';

describe('StompSession: CONNECT and lifecycle', () => {
  it('answers CONNECT with the exact CONNECTED frame of the contract', async () => {
    const { connected } = sessionFixture();
    const peer = await connected(7);
    expect(peer.socket.sent[0]).toBe('CONNECTED\nversion:1.2\nheart-beat:10000,0\nsession:s-1\nserver:sooscode-api\nuser-name:7\n\n\0');
  });

  it('treats STOMP like CONNECT and negotiates 1.1 when 1.2 is not offered', async () => {
    const { open } = sessionFixture({ heartbeatSendMs: 5000, heartbeatReceiveMs: 2000 });
    const peer = open();
    peer.frame('STOMP', { 'accept-version': '1.0,1.1', passcode: 'x', Authorization: 'Bearer valid-3' });
    await until(() => peer.socket.sent.length > 0);
    const [frame] = peer.socket.frames();
    expect(frame?.command).toBe('CONNECTED');
    expect(frame?.headers.get('version')).toBe('1.1');
    expect(frame?.headers.get('heart-beat')).toBe('5000,2000');
  });

  it.each([['1.0'], [undefined]])('refuses accept-version %s with ERROR GLOBAL_400 and version:1.1,1.2', async (accept) => {
    const { open, app } = sessionFixture();
    const peer = open();
    peer.frame('CONNECT', { ...(accept ? { 'accept-version': accept } : {}), Authorization: 'Bearer valid-7' });
    await until(() => peer.socket.closedWith !== undefined);
    const [error] = peer.socket.frames();
    expect(error?.command).toBe('ERROR');
    expect(error?.headers.get('message')).toBe('GLOBAL_400');
    expect(error?.headers.get('version')).toBe('1.1,1.2');
    expect(peer.socket.closedWith?.code).toBe(1002);
    expect(app.handshakes).toHaveLength(0);
  });

  it('rejects a CONNECT without credentials with ERROR GLOBAL_401 and closes with 1008', async () => {
    const { open, endpoint } = sessionFixture();
    const peer = open();
    peer.frame('CONNECT', { 'accept-version': '1.2', receipt: 'r1' });
    await until(() => peer.socket.closedWith !== undefined);
    expect(peer.socket.sent).toEqual([
      'ERROR\nmessage:GLOBAL_401\ncontent-type:application/json\ncontent-length:88\nreceipt-id:r1\n\n' +
        '{"success":false,"status":401,"code":"GLOBAL_401","message":"인증이 필요합니다"}\0',
    ]);
    expect(peer.socket.closedWith?.code).toBe(1008);
    await until(() => endpoint.sessionCount === 0);
  });

  it('maps an expired token to AUTH_401 and an application fault to GLOBAL_500', async () => {
    const { open } = sessionFixture();
    const expired = open({ cookies: { accessToken: 'expired' } });
    expired.frame('CONNECT', { 'accept-version': '1.2' });
    const faulty = open({ cookies: { accessToken: 'explode' } });
    faulty.frame('CONNECT', { 'accept-version': '1.2' });
    await until(() => expired.socket.closedWith !== undefined && faulty.socket.closedWith !== undefined);
    expect(expired.socket.frames()[0]?.headers.get('message')).toBe('AUTH_401');
    expect(jsonOf(faulty.socket.frames()[0])).toEqual({ success: false, status: 500, code: 'GLOBAL_500', message: '서버 내부 오류가 발생했습니다' });
    expect(faulty.socket.closedWith?.code).toBe(1011);
  });

  it('authenticates from the handshake cookie when CONNECT carries no token', async () => {
    const { open, registry } = sessionFixture();
    const peer = open({ cookies: { accessToken: 'valid-9' } });
    peer.frame('CONNECT', { 'accept-version': '1.2,1.1,1.0', 'heart-beat': '4000,4000', isInstructor: 'true' });
    await until(() => peer.socket.commands().includes('CONNECTED'));
    expect(registry.sessionCount(9)).toBe(1);
  });

  it('refuses any frame before CONNECT, echoing its receipt', async () => {
    const { open } = sessionFixture();
    const peer = open();
    peer.frame('SUBSCRIBE', { id: '0', destination: '/topic/a', receipt: '77' });
    await until(() => peer.socket.closedWith !== undefined);
    const [error] = peer.socket.frames();
    expect(error?.headers.get('message')).toBe('GLOBAL_400');
    expect(error?.headers.get('receipt-id')).toBe('77');
    expect(peer.socket.closedWith?.code).toBe(1002);
  });

  it('refuses a second CONNECT', async () => {
    const { connected } = sessionFixture();
    const peer = await connected();
    peer.frame('CONNECT', { 'accept-version': '1.2', Authorization: 'Bearer valid-7' });
    await until(() => peer.socket.closedWith !== undefined);
    expect(peer.socket.commands()).toEqual(['CONNECTED', 'ERROR']);
  });

  it('processes frames that arrive with CONNECT in one chunk after authentication', async () => {
    const { open } = sessionFixture();
    const peer = open();
    peer.raw(
      'CONNECT\naccept-version:1.2\nAuthorization:Bearer valid-7\n\n\0' +
        'SUBSCRIBE\nid:a\\cb\ndestination:/topic/x\nreceipt:1\n\n\0',
    );
    await until(() => peer.socket.commands().length === 2);
    expect(peer.socket.commands()).toEqual(['CONNECTED', 'RECEIPT']);
  });

  it('refuses a new session beyond the per-user limit and leaves the others alone', async () => {
    const { connected, open, registry } = sessionFixture({ maxSessionsPerUser: 2 });
    const first = await connected(7);
    await connected(7);
    const third = open();
    third.frame('CONNECT', { 'accept-version': '1.2', Authorization: 'Bearer valid-7' });
    await until(() => third.socket.closedWith !== undefined);
    expect(third.socket.frames()[0]?.headers.get('message')).toBe('GLOBAL_429');
    expect(first.socket.closedWith).toBeUndefined();
    expect(registry.sessionCount(7)).toBe(2);
    await connected(8);
  });

  it('closes without ERROR when CONNECT does not arrive in time', async () => {
    const { open } = sessionFixture({ connectTimeoutMs: 20 });
    const peer = open();
    await until(() => peer.socket.closedWith !== undefined);
    expect(peer.socket.sent).toEqual([]);
    expect(peer.socket.closedWith?.code).toBe(4408);
  });

  it('answers DISCONNECT with its RECEIPT, then closes and reports the end once', async () => {
    const { connected, app, registry } = sessionFixture();
    const peer = await connected();
    peer.frame('DISCONNECT', { receipt: 'bye' });
    await until(() => app.ended.length === 1);
    expect(peer.socket.sent.at(-1)).toBe('RECEIPT\nreceipt-id:bye\n\n\0');
    expect(peer.socket.closedWith?.code).toBe(1000);
    peer.connection.transportClosed();
    await settle();
    expect(app.ended).toHaveLength(1);
    expect(registry.sessionCount(7)).toBe(0);
  });

  it('reports the end only after the frame in flight has completed', async () => {
    const { connected, app } = sessionFixture();
    app.slowMs = 30;
    const peer = await connected();
    peer.frame('SEND', { destination: '/app/slow' }, '{"n":1}');
    await until(() => app.events.includes('slow-start {"n":1}'));
    peer.connection.transportClosed();
    await until(() => app.ended.length === 1);
    expect(app.events.slice(-2)).toEqual(['slow-end {"n":1}', 'ended s-1']);
  });

  it('does not report the end of a session that never authenticated', async () => {
    const { open, app, endpoint } = sessionFixture();
    const peer = open();
    peer.connection.transportClosed();
    await until(() => endpoint.sessionCount === 0);
    expect(app.ended).toEqual([]);
  });

  it('lets the application revoke a session with ERROR GLOBAL_401', async () => {
    const { connected, registry } = sessionFixture();
    const peer = await connected(7);
    const [handle] = registry.sessionsOf(7);
    handle?.close('GLOBAL_401');
    expect(peer.socket.frames()[1]?.headers.get('message')).toBe('GLOBAL_401');
    expect(peer.socket.closedWith?.code).toBe(1008);
    expect(handle?.open).toBe(false);
  });

  it('closes every session on endpoint shutdown with 1001', async () => {
    const { connected, endpoint, app } = sessionFixture();
    const a = await connected(1);
    const b = await connected(2);
    await endpoint.close();
    expect([a.socket.closedWith?.code, b.socket.closedWith?.code]).toEqual([1001, 1001]);
    expect(app.ended).toHaveLength(2);
  });
});
