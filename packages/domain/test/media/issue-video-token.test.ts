import { beforeEach, describe, expect, it } from 'vitest';
import { IssueVideoToken, type RoomNameText, type VideoTokenPolicy } from '@sooscode/domain';
import { mediaWorld, RecordingTokenIssuer, type MediaWorld } from './media-fixture';

const POLICY: VideoTokenPolicy = { ttlS: 1800, grants: { studentCanPublish: true, studentSources: ['camera', 'microphone'] } };

describe('IssueVideoToken', () => {
  let w: MediaWorld;
  let issuer: RecordingTokenIssuer;
  let issue: IssueVideoToken;

  beforeEach(async () => {
    w = await mediaWorld();
    issuer = new RecordingTokenIssuer();
    issue = new IssueVideoToken(issuer, w.access, w.kickBans, POLICY);
  });

  const codeOf = async (roomName: RoomNameText, caller = w.student) => {
    const r = await issue.execute(roomName, caller);
    return r.ok ? 'ok' : r.error.code;
  };

  it('signs an instructor token with the role from class data', async () => {
    const r = await issue.execute(String(w.room.id), w.instructor);
    expect(r).toEqual({ ok: true, value: { token: 'token-1' } });
    expect(issuer.requests[0]).toEqual({
      room: String(w.room.id),
      identity: `user-${w.instructor.userId}`,
      name: '이강사',
      metadata: JSON.stringify({ role: 'INSTRUCTOR', userId: w.instructor.userId }),
      grants: { roomJoin: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false, canPublish: true },
      ttlS: 1800,
    });
  });

  it('signs a student token with the configured student grants, ignoring a claimed role', async () => {
    const r = await issue.execute(String(w.room.id), w.student);
    expect(r.ok).toBe(true);
    const request = issuer.requests[0]!;
    expect(request.metadata).toBe(JSON.stringify({ role: 'STUDENT', userId: w.student.userId }));
    expect(request.grants).toEqual({
      roomJoin: true,
      canSubscribe: true,
      canPublishData: true,
      canUpdateOwnMetadata: false,
      canPublish: true,
      canPublishSources: ['camera', 'microphone'],
    });
  });

  it('takes classId when roomName is absent', async () => {
    expect(await codeOf(String(w.room.id))).toBe('ok');
    expect(issuer.requests[0]!.room).toBe(String(w.room.id));
  });

  it('issues a fresh token on every call', async () => {
    await issue.execute(String(w.room.id), w.student);
    const second = await issue.execute(String(w.room.id), w.student);
    expect(second).toEqual({ ok: true, value: { token: 'token-2' } });
  });

  it('refuses in the contract order', async () => {
    expect(await codeOf('abc')).toBe('COMMON_004');
    expect(await codeOf(null)).toBe('COMMON_004');
    expect(await codeOf('999')).toBe('CLASS_001');
    expect(await codeOf(String(w.inactive.id), w.outsider)).toBe('CLASS_008');
    expect(await codeOf(String(w.room.id), w.outsider)).toBe('CLASS_002');
    expect(await codeOf(String(w.room.id), w.admin)).toBe('CLASS_002');
    expect(await codeOf(String(w.room.id), w.otherInstructor)).toBe('CLASS_002');
    await w.kickBans.ban(w.room.id, w.student.userId, 60);
    expect(await codeOf(String(w.room.id), w.student)).toBe('CLASS_010');
    await w.kickBans.ban(w.room.id, w.outsider.userId, 60);
    expect(await codeOf(String(w.room.id), w.outsider)).toBe('CLASS_002');
    expect(issuer.requests).toHaveLength(0);
  });

  it('lets a kicked user back once the ban expires', async () => {
    await w.kickBans.ban(w.room.id, w.student.userId, 60);
    w.clock.advance(61_000);
    expect(await codeOf(String(w.room.id))).toBe('ok');
  });

  it('answers GLOBAL_503 before anything else when no key pair is configured', async () => {
    const off = new IssueVideoToken(null, w.access, w.kickBans, POLICY);
    expect(off.available).toBe(false);
    expect(issue.available).toBe(true);
    const r = await off.execute('abc', w.student);
    expect(r.ok ? 'ok' : r.error.code).toBe('GLOBAL_503');
  });

  it('gives a student no publish right when publishing is off', async () => {
    const quiet = new IssueVideoToken(issuer, w.access, w.kickBans, { ttlS: 60, grants: { studentCanPublish: false, studentSources: ['camera'] } });
    await quiet.execute(String(w.room.id), w.student);
    expect(issuer.requests[0]!.grants).toEqual({ roomJoin: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false, canPublish: false });
  });
});
