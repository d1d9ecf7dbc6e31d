import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { RoomServiceClient } from 'livekit-server-sdk';
import { FakeTwirpRoomService } from './support/fake-twirp-room-service';

const KEY = 'APIfakeTest';
const SECRET = 'fake-test-secret-0123456789abcdefghijkl';

async function serverToken(video: Record<string, unknown>, secret = SECRET, issuer = KEY): Promise<string> {
  return new SignJWT({ video })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(issuer)
    .setNotBefore('0s')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

/** The fake is trustworthy only if it refuses what LiveKit refuses; these checks pin that down. */
describe('FakeTwirpRoomService', () => {
  let fake: FakeTwirpRoomService;

  async function post(method: string, body: unknown, authorization?: string): Promise<{ status: number; type: string | null; json: unknown }> {
    const res = await fetch(`${fake.httpUrl}/twirp/livekit.RoomService/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
      body: JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get('content-type'), json: await res.json() };
  }

  beforeEach(async () => {
    fake = await FakeTwirpRoomService.start({ apiKey: KEY, apiSecret: SECRET });
  });

  afterEach(async () => {
    await fake.close();
  });

  it('answers 401 unauthenticated without a Bearer token', async () => {
    const res = await post('ListRooms', {});

    expect(res).toEqual({ status: 401, type: 'application/json', json: { code: 'unauthenticated', msg: expect.any(String) } });
  });

  it('answers 401 to a token signed with another secret or issued by another key', async () => {
    expect((await post('ListRooms', {}, `Bearer ${await serverToken({ roomList: true }, `${SECRET}x`)}`)).status).toBe(401);
    expect((await post('ListRooms', {}, `Bearer ${await serverToken({ roomList: true }, SECRET, 'APIother')}`)).status).toBe(401);
  });

  it.each([
    ['CreateRoom', { name: '1' }, { roomAdmin: true, room: '1' }],
    ['DeleteRoom', { room: '1' }, { roomList: true }],
    ['ListRooms', {}, { roomCreate: true }],
    ['ListParticipants', { room: '1' }, { roomAdmin: true, room: '2' }],
    ['RemoveParticipant', { room: '1', identity: 'user-7' }, { roomCreate: true }],
    ['MutePublishedTrack', { room: '1', identity: 'user-7', trackSid: 'TR_x', muted: true }, { roomAdmin: true }],
  ])('answers 403 permission_denied to %s without its grant', async (method, body, video) => {
    const res = await post(method, body, `Bearer ${await serverToken(video)}`);

    expect(res).toEqual({ status: 403, type: 'application/json', json: { code: 'permission_denied', msg: expect.any(String) } });
  });

  it('answers 404 not_found for a missing room, and 404 bad_route for an unknown method', async () => {
    const missing = await post('ListParticipants', { room: '9' }, `Bearer ${await serverToken({ roomAdmin: true, room: '9' })}`);
    const unknown = await post('Nope', {}, `Bearer ${await serverToken({ roomList: true })}`);

    expect(missing).toMatchObject({ status: 404, json: { code: 'not_found' } });
    expect(unknown).toMatchObject({ status: 404, json: { code: 'bad_route' } });
  });

  it('answers protojson with int64 values as strings', async () => {
    fake.addParticipant('1', 'user-7', { tracks: [{ sid: 'TR_cam', type: 'VIDEO', source: 'CAMERA' }] });

    const res = await post('ListParticipants', { room: '1' }, `Bearer ${await serverToken({ roomAdmin: true, room: '1' })}`);

    expect(res.json).toMatchObject({
      participants: [{ identity: 'user-7', state: 'ACTIVE', isPublisher: true, joinedAt: expect.stringMatching(/^\d+$/) }],
    });
  });

  it('serves the SDK’s own RoomServiceClient', async () => {
    const client = new RoomServiceClient(fake.httpUrl, KEY, SECRET, { failover: false });

    const created = await client.createRoom({ name: '1', emptyTimeout: 300, maxParticipants: 10 });
    const rooms = await client.listRooms();

    expect(created).toMatchObject({ name: '1', emptyTimeout: 300, maxParticipants: 10 });
    expect(rooms.map((r) => r.name)).toEqual(['1']);
    expect(typeof rooms[0]?.creationTime).toBe('bigint');
  });
});
