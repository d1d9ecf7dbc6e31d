import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../classroom/classroom-fixture';
import { outcomeOf, startLiveKitWorld, type LiveKitWorld } from './livekit-fixture';

describe('LiveKit room endpoints against the loopback Twirp fake', () => {
  let w: LiveKitWorld;
  let room: string;
  beforeAll(async () => {
    w = await startLiveKitWorld({ LIVEKIT_ROOM_EMPTY_TIMEOUT_S: '120', LIVEKIT_ROOM_MAX_PARTICIPANTS: '25' });
    room = String(w.classRoom.id);
  });
  afterAll(async () => {
    await w?.stop();
  });
  beforeEach(() => {
    w.fake.restore();
    w.fake.rooms.clear();
    w.fake.calls.length = 0;
  });

  it('opens the class room with the configured options and keeps an existing room', async () => {
    const first = await w.clients.instructor.json('POST', '/api/livekit/room', { body: { roomName: room } });
    expect(first).toMatchObject({ status: 200, body: { roomName: room } });
    expect(Object.keys(first.body)).toEqual(['roomName']);
    const sid = w.fake.rooms.get(room)!.sid;
    expect(await w.clients.admin.json('POST', '/api/livekit/room', { body: { roomName: w.classRoom.id } })).toMatchObject({ status: 200, body: { roomName: room } });
    expect(w.fake.rooms.get(room)!.sid).toBe(sid);
    const calls = w.fake.callsTo('CreateRoom');
    expect(calls.map((c) => c.body)).toEqual([
      { name: room, emptyTimeout: 120, maxParticipants: 25 },
      { name: room, emptyTimeout: 120, maxParticipants: 25 },
    ]);
    expect(calls[0]!.claims).toMatchObject({ sub: 'sooscode-api', video: { roomCreate: true } });
  });

  it('ends the room, and a room that is already gone counts as ended', async () => {
    w.fake.addRoom(room);
    for (let i = 0; i < 2; i++) {
      const r = await w.clients.instructor.json('POST', '/api/livekit/room/end', { body: { roomName: room } });
      expect(r).toMatchObject({ status: 200, body: { ended: true } });
      expect(Object.keys(r.body)).toEqual(['ended']);
    }
    expect(w.fake.rooms.has(room)).toBe(false);
    expect(w.fake.callsTo('DeleteRoom').map((c) => [c.body, c.status])).toEqual([
      [{ room }, 200],
      [{ room }, 404],
    ]);
  });

  it('lists the participants of the room, and none for a room that does not exist', async () => {
    const empty = await w.clients.instructor.request('GET', `/api/livekit/room/${room}/participants`);
    expect(await empty.json()).toEqual([]);
    w.fake.addParticipant(room, 'user-7', { tracks: [{ sid: 'TR_1', type: 'VIDEO', source: 'CAMERA' }] });
    w.fake.addParticipant(room, 'user-8');
    const res = await w.clients.admin.request('GET', `/api/livekit/room/${room}/participants`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      { identity: 'user-7', publisher: true },
      { identity: 'user-8', publisher: false },
    ]);
  });

  it('passes the upstream rooms through to admins, [] when there are none, 403 GLOBAL_403 to others', async () => {
    const none = await w.clients.admin.request('GET', '/api/livekit/rooms');
    expect([none.status, await none.json()]).toEqual([200, []]);
    const opened = w.fake.addRoom(room, { emptyTimeout: 300, maxParticipants: 10 });
    w.fake.addParticipant(room, 'user-7', { isPublisher: true });
    const res = await w.clients.admin.request('GET', '/api/livekit/rooms');
    const rooms = (await res.json()) as Record<string, unknown>[];
    expect(rooms).toEqual([
      expect.objectContaining({ sid: opened.sid, name: room, emptyTimeout: 300, maxParticipants: 10, numParticipants: 1, numPublishers: 1 }),
    ]);
    expect(typeof rooms[0]!.creationTime).toBe('string');
    for (const actor of ['instructor', 'student', 'outsider'] as const) {
      expect(`${actor} ${outcomeOf(await w.clients[actor].json('GET', '/api/livekit/rooms'))}`).toBe(`${actor} 403 GLOBAL_403`);
    }
    expect(outcomeOf(await w.clients.anonymous.json('GET', '/api/livekit/rooms'))).toBe('401 GLOBAL_401');
  });

  const ENDPOINTS = [
    ['POST /api/livekit/room', (c: LiveKitWorld['clients'][Actor], name: unknown) => c.json('POST', '/api/livekit/room', { body: { roomName: name } })],
    ['POST /api/livekit/room/end', (c: LiveKitWorld['clients'][Actor], name: unknown) => c.json('POST', '/api/livekit/room/end', { body: { roomName: name } })],
    ['GET participants', (c: LiveKitWorld['clients'][Actor], name: unknown) => c.json('GET', `/api/livekit/room/${String(name)}/participants`)],
  ] as const;

  it.each(ENDPOINTS)('%s: authorisation matrix and room name checks', async (_label, call) => {
    const expected: Record<Actor, string> = {
      anonymous: '401 GLOBAL_401',
      outsider: '403 CLASS_002',
      student: '403 CLASS_012',
      otherInstructor: '403 CLASS_002',
      instructor: '200 RAW',
      admin: '200 RAW',
    };
    for (const [actor, outcome] of Object.entries(expected)) {
      expect(`${actor} ${outcomeOf(await call(w.clients[actor as Actor], room))}`).toBe(`${actor} ${outcome}`);
    }
    for (const bad of ['abc', '0', '007', '1.5']) {
      expect(`${bad} ${outcomeOf(await call(w.clients.instructor, bad))}`).toBe(`${bad} 400 COMMON_004`);
    }
    expect(outcomeOf(await call(w.clients.admin, '987654321'))).toBe('404 CLASS_001');
  });

  it('checks the JSON body of the POST endpoints', async () => {
    for (const path of ['/api/livekit/room', '/api/livekit/room/end']) {
      expect(outcomeOf(await w.clients.instructor.json('POST', path, { raw: 'x', headers: { 'content-type': 'text/plain' } }))).toBe('415 GLOBAL_415');
      expect(outcomeOf(await w.clients.instructor.json('POST', path, { raw: 'null', headers: { 'content-type': 'application/json' } }))).toBe('400 GLOBAL_400');
      expect(outcomeOf(await w.clients.instructor.json('POST', path, { body: {} }))).toBe('400 COMMON_004');
    }
  });

  it('answers 502 LIVEKIT_002 when the upstream is down or fails', async () => {
    w.fake.goDown();
    for (const [label, call] of ENDPOINTS) {
      expect(`${label} ${outcomeOf(await call(w.clients.instructor, room))}`).toBe(`${label} 502 LIVEKIT_002`);
    }
    expect(outcomeOf(await w.clients.admin.json('GET', '/api/livekit/rooms'))).toBe('502 LIVEKIT_002');
    w.fake.restore();
    w.fake.failNext('CreateRoom', 'internal');
    w.fake.failNext('ListParticipants', 'unavailable');
    w.fake.failNext('DeleteRoom', 'permission_denied');
    for (const [label, call] of ENDPOINTS) {
      expect(`${label} ${outcomeOf(await call(w.clients.instructor, room))}`).toBe(`${label} 502 LIVEKIT_002`);
    }
  });
});
