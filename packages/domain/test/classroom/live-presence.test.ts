import { describe, expect, it } from 'vitest';
import { LivePresence, type ClassroomEvent } from '../../src/index';
import { RecordingRoomBroadcaster } from '@sooscode/domain/testing';
import { liveWorld } from './live-world';

describe('LivePresence.afterSweep (stomp.md §4)', () => {
  it('clears the live mode of a class the sweep emptied and publishes the empty list', async () => {
    const w = await liveWorld();
    const broadcaster = new RecordingRoomBroadcaster<ClassroomEvent>();
    const presence = new LivePresence(w.presence, w.participants, w.liveModes, broadcaster, w.clock);
    const c = w.room.id;
    await w.liveModes.set(c, 'VIEW_ONLY');
    await presence.afterSweep(c);
    expect(await w.liveModes.get(c)).toBeNull();
    expect(broadcaster.published).toEqual([
      { type: 'participants-changed', classId: c, participants: { classId: c, participants: [] } },
    ]);
  });

  it('keeps the live mode while someone is still present and publishes the remaining list', async () => {
    const w = await liveWorld();
    const broadcaster = new RecordingRoomBroadcaster<ClassroomEvent>();
    const presence = new LivePresence(w.presence, w.participants, w.liveModes, broadcaster, w.clock);
    const c = w.room.id;
    await presence.join(c, { sessionId: 's1', userId: w.student.id, name: '김학생', instructor: false });
    await w.liveModes.set(c, 'FREE_PRACTICE');
    broadcaster.published.length = 0;
    await presence.afterSweep(c);
    expect(await w.liveModes.get(c)).toBe('FREE_PRACTICE');
    expect(broadcaster.published).toEqual([{ type: 'participants-changed', classId: c, participants: await w.participants.of(c) }]);
    expect(broadcaster.published[0]!.type === 'participants-changed' && broadcaster.published[0]!.participants.participants.length).toBe(1);
  });
});
