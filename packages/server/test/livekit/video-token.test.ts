import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@sooscode/domain';
import { verifyWithLiveKit } from '../../../adapters/test/media-http/livekit-token-check';
import type { HttpClient } from '../support/test-server';
import { LK_KEY, LK_SECRET, outcomeOf, startLiveKitWorld, type LiveKitWorld } from './livekit-fixture';

const verified = (token: string) => verifyWithLiveKit(token, LK_KEY, LK_SECRET);
const COMMON = { roomJoin: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false };

async function tokenOf(client: HttpClient, body: unknown): Promise<string> {
  const r = await client.json('POST', '/api/livekit/token', { body });
  expect(r.status).toBe(200);
  expect(Object.keys(r.body)).toEqual(['token']);
  return r.body.token as string;
}

/** Verifies with LiveKit's own verifier and checks every claim. */
async function expectToken(token: string, user: User, classId: number, role: 'INSTRUCTOR' | 'STUDENT', video: Record<string, unknown>): Promise<void> {
  const { header, claims } = await verified(token);
  expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
  const nowS = Math.floor(Date.now() / 1000);
  expect(claims).toStrictEqual({
    iss: LK_KEY,
    sub: `user-${user.id}`,
    name: user.name,
    nbf: expect.any(Number),
    exp: expect.any(Number),
    metadata: JSON.stringify({ role, userId: user.id }),
    video: { room: String(classId), ...video },
  });
  expect(Math.abs(claims.nbf! - nowS)).toBeLessThanOrEqual(10);
  expect(claims.exp! - claims.nbf!).toBe(1200);
}

describe('POST /api/livekit/token', () => {
  let w: LiveKitWorld;
  beforeAll(async () => {
    w = await startLiveKitWorld({ LIVEKIT_TOKEN_TTL_S: '1200' });
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('gives the instructor an INSTRUCTOR token that publishes every source', async () => {
    const token = await tokenOf(w.clients.instructor, { roomName: String(w.classRoom.id), role: 'INSTRUCTOR' });
    await expectToken(token, w.instructor, w.classRoom.id, 'INSTRUCTOR', { ...COMMON, canPublish: true });
  });

  it('gives a student a STUDENT token with the default sources, whatever role the client claims', async () => {
    const token = await tokenOf(w.clients.student, { roomName: String(w.classRoom.id), role: 'INSTRUCTOR' });
    await expectToken(token, w.student, w.classRoom.id, 'STUDENT', {
      ...COMMON,
      canPublish: true,
      canPublishSources: ['camera', 'microphone', 'screen_share'],
    });
  });

  it('accepts a JSON number room name and {classId}, each call answering a token', async () => {
    const a = await tokenOf(w.clients.student, { roomName: w.classRoom.id });
    const b = await tokenOf(w.clients.student, { classId: String(w.classRoom.id) });
    expect((await verified(a)).claims.video?.room).toBe(String(w.classRoom.id));
    expect((await verified(b)).claims.video?.room).toBe(String(w.classRoom.id));
  });

  it('refuses admins, non-members and other instructors with 403 CLASS_002', async () => {
    for (const actor of ['admin', 'outsider', 'otherInstructor'] as const) {
      const r = await w.clients[actor].json('POST', '/api/livekit/token', { body: { roomName: String(w.classRoom.id) } });
      expect(`${actor} ${outcomeOf(r)}`).toBe(`${actor} 403 CLASS_002`);
    }
  });

  it('refuses an unauthenticated caller with 401 before anything else', async () => {
    expect(outcomeOf(await w.clients.anonymous.json('POST', '/api/livekit/token', { raw: 'nope', headers: { 'content-type': 'text/plain' } }))).toBe('401 GLOBAL_401');
  });

  it('checks the body and the room name (400, 415, COMMON_004)', async () => {
    const s = w.clients.student;
    expect(outcomeOf(await s.json('POST', '/api/livekit/token', { raw: '{"roomName":', headers: { 'content-type': 'application/json' } }))).toBe('400 GLOBAL_400');
    expect(outcomeOf(await s.json('POST', '/api/livekit/token', { raw: '[1]', headers: { 'content-type': 'application/json' } }))).toBe('400 GLOBAL_400');
    expect(outcomeOf(await s.json('POST', '/api/livekit/token', { raw: 'roomName=1', headers: { 'content-type': 'text/plain' } }))).toBe('415 GLOBAL_415');
    for (const roomName of ['abc', '0', '01', '-1', '1.5', '', '12345678901234567', true, { id: 1 }]) {
      const r = await s.json('POST', '/api/livekit/token', { body: { roomName } });
      expect(`${JSON.stringify(roomName)} ${outcomeOf(r)}`).toBe(`${JSON.stringify(roomName)} 400 COMMON_004`);
    }
    expect(outcomeOf(await s.json('POST', '/api/livekit/token', { body: {} }))).toBe('400 COMMON_004');
    expect(outcomeOf(await s.json('POST', '/api/livekit/token', { body: { roomName: '987654321' } }))).toBe('404 CLASS_001');
    expect(outcomeOf(await s.json('POST', '/api/livekit/token', { body: { roomName: '9999999999999999' } }))).toBe('404 CLASS_001');
  });

  it('answers 402 CLASS_008 for an inactive class, before membership', async () => {
    const inactive = await w.f.classRoom(w.instructor.id, { active: false });
    await w.f.enrol(inactive.id, w.student.id);
    expect(outcomeOf(await w.clients.student.json('POST', '/api/livekit/token', { body: { roomName: String(inactive.id) } }))).toBe('402 CLASS_008');
    expect(outcomeOf(await w.clients.outsider.json('POST', '/api/livekit/token', { body: { roomName: String(inactive.id) } }))).toBe('402 CLASS_008');
  });

  it('refuses a kicked student with 403 CLASS_010 while the ban lasts', async () => {
    const kicked = await w.f.user('STUDENT');
    await w.f.enrol(w.classRoom.id, kicked.id);
    const client = await w.f.login(kicked);
    await tokenOf(client, { roomName: String(w.classRoom.id) });
    expect((await w.clients.instructor.request('POST', `/api/class/${w.classRoom.id}/kick/${kicked.id}`)).status).toBe(200);
    expect(outcomeOf(await client.json('POST', '/api/livekit/token', { body: { roomName: String(w.classRoom.id) } }))).toBe('403 CLASS_010');
  });
});

describe('POST /api/livekit/token with LIVEKIT_STUDENT_CAN_PUBLISH=false', () => {
  let w: LiveKitWorld;
  beforeAll(async () => {
    w = await startLiveKitWorld({ LIVEKIT_STUDENT_CAN_PUBLISH: 'false', LIVEKIT_TOKEN_TTL_S: '1200' });
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('gives students no publish right and no source list, and instructors everything', async () => {
    const student = await tokenOf(w.clients.student, { roomName: String(w.classRoom.id) });
    await expectToken(student, w.student, w.classRoom.id, 'STUDENT', { ...COMMON, canPublish: false });
    const instructor = await tokenOf(w.clients.instructor, { roomName: String(w.classRoom.id) });
    await expectToken(instructor, w.instructor, w.classRoom.id, 'INSTRUCTOR', { ...COMMON, canPublish: true });
  });
});

describe('POST /api/livekit/token with LIVEKIT_STUDENT_PUBLISH_SOURCES=camera', () => {
  let w: LiveKitWorld;
  beforeAll(async () => {
    w = await startLiveKitWorld({ LIVEKIT_STUDENT_PUBLISH_SOURCES: 'camera', LIVEKIT_TOKEN_TTL_S: '1200' });
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('limits students to the configured sources', async () => {
    const student = await tokenOf(w.clients.student, { roomName: String(w.classRoom.id) });
    await expectToken(student, w.student, w.classRoom.id, 'STUDENT', { ...COMMON, canPublish: true, canPublishSources: ['camera'] });
  });
});
