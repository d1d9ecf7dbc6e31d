import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { SystemClock } from '../../src/system/system-clock';
import { LiveKitMediaRoomGateway, type LiveKitRoomServiceOptions } from '../../src/livekit/livekit-media-room-gateway';
import { roomJson } from './support/fake-room-state';
import { FakeTwirpRoomService } from './support/fake-twirp-room-service';
import { RecordingLogger } from './support/recording-logger';

const KEY = 'APIgatewayTest';
const SECRET = 'gateway-test-secret-0123456789abcdefgh';
const ROOM_OPTIONS = { emptyTimeoutS: 300, maxParticipants: 10 };
const LIVEKIT_002 = { ok: false, error: { code: 'LIVEKIT_002' } };

describe('LiveKitMediaRoomGateway against a fake Twirp RoomService', () => {
  let fake: FakeTwirpRoomService;
  let logger: RecordingLogger;

  function gateway(overrides: Partial<LiveKitRoomServiceOptions> = {}): LiveKitMediaRoomGateway {
    const options = { url: fake.livekitUrl, apiKey: KEY, apiSecret: SECRET, timeoutMs: 2000, ...overrides };
    return new LiveKitMediaRoomGateway(options, new SystemClock(), logger);
  }

  beforeEach(async () => {
    fake = await FakeTwirpRoomService.start({ apiKey: KEY, apiSecret: SECRET });
    logger = new RecordingLogger();
  });

  afterEach(async () => {
    await fake.close();
  });

  describe('server tokens', () => {
    it.each([
      ['CreateRoom', (g: LiveKitMediaRoomGateway) => g.createRoom('1', ROOM_OPTIONS), { roomCreate: true }],
      ['DeleteRoom', (g: LiveKitMediaRoomGateway) => g.deleteRoom('1'), { roomCreate: true }],
      ['ListRooms', (g: LiveKitMediaRoomGateway) => g.listRooms(), { roomList: true }],
      ['ListParticipants', (g: LiveKitMediaRoomGateway) => g.listParticipants('1'), { roomAdmin: true, room: '1' }],
      ['RemoveParticipant', (g: LiveKitMediaRoomGateway) => g.removeParticipant('1', 'user-7'), { roomAdmin: true, room: '1' }],
      [
        'MutePublishedTrack',
        (g: LiveKitMediaRoomGateway) => g.mutePublishedTrack('1', 'user-7', 'TR_cam', true),
        { roomAdmin: true, room: '1' },
      ],
    ])('%s carries only its own grant, issued by the key to sooscode-api for 10 minutes', async (method, call, grant) => {
      fake.addParticipant('1', 'user-7', { tracks: [{ sid: 'TR_cam', type: 'VIDEO', source: 'CAMERA' }] });

      await call(gateway());

      const [recorded] = fake.callsTo(method);
      expect(recorded?.status).toBe(200);
      expect(recorded?.header).toStrictEqual({ alg: 'HS256', typ: 'JWT' });
      const claims = recorded?.claims;
      expect(claims).toMatchObject({ iss: KEY, sub: 'sooscode-api' });
      expect(Number(claims?.exp) - Number(claims?.nbf)).toBe(600);
      expect(claims?.video).toStrictEqual(grant);
    });
  });

  describe('createRoom', () => {
    it('opens the room with the configured empty timeout and participant limit', async () => {
      expect(await gateway().createRoom('1', ROOM_OPTIONS)).toEqual({ ok: true, value: undefined });

      expect(fake.callsTo('CreateRoom')[0]?.body).toEqual({ name: '1', emptyTimeout: 300, maxParticipants: 10 });
      expect(fake.rooms.get('1')).toMatchObject({ emptyTimeout: 300, maxParticipants: 10 });
    });

    it('keeps an existing room as it is', async () => {
      const existing = fake.addRoom('1', { emptyTimeout: 60, maxParticipants: 3 });

      expect((await gateway().createRoom('1', ROOM_OPTIONS)).ok).toBe(true);

      expect(fake.rooms.get('1')).toBe(existing);
      expect(existing).toMatchObject({ emptyTimeout: 60, maxParticipants: 3 });
    });

    it('counts an already_exists answer as success', async () => {
      fake.failNext('CreateRoom', 'already_exists', 'room already exists');

      expect(await gateway().createRoom('1', ROOM_OPTIONS)).toEqual({ ok: true, value: undefined });
      expect(fake.callsTo('CreateRoom')[0]?.status).toBe(409);
    });

    it('fails with LIVEKIT_002 on any other upstream error', async () => {
      fake.failNext('CreateRoom', 'internal', 'boom');

      expect(await gateway().createRoom('1', ROOM_OPTIONS)).toMatchObject(LIVEKIT_002);
    });
  });

  describe('deleteRoom', () => {
    it('closes the room', async () => {
      fake.addRoom('1');

      expect(await gateway().deleteRoom('1')).toEqual({ ok: true, value: undefined });

      expect(fake.callsTo('DeleteRoom')[0]?.body).toEqual({ room: '1' });
      expect(fake.rooms.has('1')).toBe(false);
    });

    it('counts a missing room (not_found) as success', async () => {
      expect(await gateway().deleteRoom('404')).toEqual({ ok: true, value: undefined });
      expect(fake.callsTo('DeleteRoom')[0]?.status).toBe(404);
    });

    it('does not mistake a refused credential for a missing room', async () => {
      expect(await gateway({ apiSecret: `${SECRET}-wrong` }).deleteRoom('404')).toMatchObject(LIVEKIT_002);
      expect(fake.callsTo('DeleteRoom')[0]?.status).toBe(401);
    });
  });

  describe('listParticipants', () => {
    it('lists identities with their publisher flag (false when LiveKit omits it)', async () => {
      fake.addParticipant('1', 'user-7', { tracks: [{ sid: 'TR_cam', type: 'VIDEO', source: 'CAMERA' }] });
      fake.addParticipant('1', 'user-8');

      const result = await gateway().listParticipants('1');

      expect(result).toEqual({
        ok: true,
        value: [
          { identity: 'user-7', publisher: true },
          { identity: 'user-8', publisher: false },
        ],
      });
      expect(fake.callsTo('ListParticipants')[0]?.body).toEqual({ room: '1' });
    });

    it('answers an empty list for a missing room (not_found)', async () => {
      expect(await gateway().listParticipants('404')).toEqual({ ok: true, value: [] });
      expect(fake.callsTo('ListParticipants')[0]?.status).toBe(404);
    });

    it('answers an empty list for an empty room', async () => {
      fake.addRoom('1');

      expect(await gateway().listParticipants('1')).toEqual({ ok: true, value: [] });
    });
  });

  describe('listRooms', () => {
    it('passes LiveKit’s Room objects through as protojson', async () => {
      fake.addRoom('1', { emptyTimeout: 300, maxParticipants: 10 });
      fake.addParticipant('2', 'user-9', { tracks: [{ sid: 'TR_mic', type: 'AUDIO', source: 'MICROPHONE' }] });

      const result = await gateway().listRooms();

      expect(result.ok).toBe(true);
      const rooms = result.ok ? result.value : [];
      expect(rooms).toHaveLength(2);
      expect(rooms[0]).toMatchObject({ name: '1', emptyTimeout: 300, maxParticipants: 10, creationTime: expect.stringMatching(/^\d+$/) });
      expect(rooms[1]).toMatchObject({ name: '2', numParticipants: 1, numPublishers: 1 });
      // Exactly what the fake answered, as LiveKit wrote it.
      expect(rooms).toStrictEqual([...fake.rooms.values()].map(roomJson));
      expect(fake.callsTo('ListRooms')[0]?.body).toEqual({});
    });

    it('answers [] when no room is open', async () => {
      expect(await gateway().listRooms()).toEqual({ ok: true, value: [] });
    });

    it('fails with LIVEKIT_002 when permission is denied', async () => {
      fake.failNext('ListRooms', 'permission_denied', 'permissions denied');

      expect(await gateway().listRooms()).toMatchObject(LIVEKIT_002);
    });
  });

  describe('removeParticipant', () => {
    it('disconnects the participant', async () => {
      fake.addParticipant('1', 'user-7');
      fake.addParticipant('1', 'user-8');

      expect(await gateway().removeParticipant('1', 'user-7')).toEqual({ ok: true, value: undefined });

      expect(fake.callsTo('RemoveParticipant')[0]?.body).toEqual({ room: '1', identity: 'user-7' });
      expect([...(fake.rooms.get('1')?.participants.keys() ?? [])]).toEqual(['user-8']);
    });

    it.each([
      ['a participant who is not in the room', '1'],
      ['a room that does not exist', '404'],
    ])('counts %s (not_found) as success', async (_label, room) => {
      fake.addRoom('1');

      expect(await gateway().removeParticipant(room, 'user-7')).toEqual({ ok: true, value: undefined });
      expect(fake.callsTo('RemoveParticipant')[0]?.status).toBe(404);
    });
  });

  describe('mutePublishedTrack', () => {
    it('mutes and unmutes the track', async () => {
      const participant = fake.addParticipant('1', 'user-7', { tracks: [{ sid: 'TR_cam', type: 'VIDEO', source: 'CAMERA' }] });

      expect((await gateway().mutePublishedTrack('1', 'user-7', 'TR_cam', true)).ok).toBe(true);
      expect(participant.tracks[0]?.muted).toBe(true);
      expect((await gateway().mutePublishedTrack('1', 'user-7', 'TR_cam', false)).ok).toBe(true);
      expect(participant.tracks[0]?.muted).toBe(false);
    });

    it('fails with LIVEKIT_002 for an unknown track', async () => {
      fake.addParticipant('1', 'user-7');

      expect(await gateway().mutePublishedTrack('1', 'user-7', 'TR_none', true)).toMatchObject(LIVEKIT_002);
    });
  });

  describe('upstream failures', () => {
    it('fails with LIVEKIT_002 when the secret is refused, and never logs it', async () => {
      const wrongSecret = `${SECRET}-wrong`;
      fake.addRoom('1');

      const result = await gateway({ apiSecret: wrongSecret }).listParticipants('1');

      expect(result).toMatchObject(LIVEKIT_002);
      expect(fake.callsTo('ListParticipants')[0]?.status).toBe(401);
      expect(logger.entries).toContainEqual(
        expect.objectContaining({ level: 'warn', obj: expect.objectContaining({ method: 'ListParticipants', status: 401 }) }),
      );
      expect(logger.text()).not.toContain(wrongSecret);
    });

    it('fails with LIVEKIT_002 within the configured timeout when LiveKit does not answer', { timeout: 4000 }, async () => {
      fake.stall();

      expect(await gateway({ timeoutMs: 150 }).createRoom('1', ROOM_OPTIONS)).toMatchObject(LIVEKIT_002);
      expect(logger.entries.some((e) => e.obj.method === 'CreateRoom')).toBe(true);
    });

    it('waits for a slow answer inside the timeout', async () => {
      fake.setLatencyMs(100);

      expect(await gateway({ timeoutMs: 2000 }).createRoom('1', ROOM_OPTIONS)).toEqual({ ok: true, value: undefined });
    });

    it('fails with LIVEKIT_002 when LiveKit drops the connection', async () => {
      fake.goDown();

      expect(await gateway().deleteRoom('1')).toMatchObject(LIVEKIT_002);
      expect(await gateway().listParticipants('1')).toMatchObject(LIVEKIT_002);
    });

    it('fails with LIVEKIT_002 when nothing listens', async () => {
      const url = `ws://127.0.0.1:${await closedPort()}`;

      expect(await gateway({ url }).removeParticipant('1', 'user-7')).toMatchObject(LIVEKIT_002);
    });
  });

  describe('construction', () => {
    it.each([
      ['an empty key', { apiKey: '' }],
      ['an empty secret', { apiSecret: '' }],
      ['a malformed URL', { url: 'not a url' }],
      ['a non-LiveKit scheme', { url: 'ftp://127.0.0.1:7880' }],
      ['a zero timeout', { timeoutMs: 0 }],
    ])('refuses %s', (_label, overrides) => {
      expect(() => gateway(overrides)).toThrow();
    });
  });
});

/** A loopback port that was just released, so nothing listens on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
