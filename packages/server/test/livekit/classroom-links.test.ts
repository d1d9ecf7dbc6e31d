import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLiveKitWorld, type LiveKitWorld } from './livekit-fixture';

describe('ending a class and kicking a student reach LiveKit (livekit.md §5)', () => {
  let w: LiveKitWorld;
  beforeAll(async () => {
    w = await startLiveKitWorld();
  });
  afterAll(async () => {
    await w?.stop();
  });
  beforeEach(() => {
    w.fake.restore();
    w.fake.calls.length = 0;
  });

  it('kicking a student removes user-<id> from room "<classId>"', async () => {
    const room = String(w.classRoom.id);
    w.fake.addParticipant(room, `user-${w.student.id}`);
    const res = await w.clients.instructor.request('POST', `/api/class/${room}/kick/${w.student.id}`);
    expect(res.status).toBe(200);
    expect(w.fake.callsTo('RemoveParticipant').map((c) => [c.body, c.status])).toEqual([[{ room, identity: `user-${w.student.id}` }, 200]]);
    expect(w.fake.rooms.get(room)!.participants.has(`user-${w.student.id}`)).toBe(false);
  });

  it('ending a class deletes room "<classId>"', async () => {
    const room = String(w.classRoom.id);
    w.fake.addRoom(room);
    const res = await w.clients.instructor.request('POST', `/api/class/${room}/end`);
    expect(res.status).toBe(200);
    expect(w.fake.callsTo('DeleteRoom').map((c) => [c.body, c.status])).toEqual([[{ room }, 200]]);
    expect(w.fake.rooms.has(room)).toBe(false);
  });

  it('still ends the class when LiveKit is unreachable (best effort)', async () => {
    w.fake.goDown();
    const res = await w.clients.admin.request('POST', `/api/class/${w.classRoom.id}/end`);
    expect(res.status).toBe(200);
  });
});
