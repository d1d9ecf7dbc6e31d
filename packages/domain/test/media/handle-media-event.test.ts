import { beforeEach, describe, expect, it } from 'vitest';
import { HandleMediaEvent, type MediaEvent, type MediaEventOutcome, type VideoPresenceStore } from '@sooscode/domain';
import { mediaWorld, RecordingRoomGateway, type MediaWorld } from './media-fixture';

const POLICY = { dedupeTtlS: 3600, maxAgeS: 600 };
let sequence = 0;

describe('HandleMediaEvent', () => {
  let w: MediaWorld;
  let gateway: RecordingRoomGateway;
  let handle: HandleMediaEvent;
  const nowS = () => Math.floor(w.clock.now().getTime() / 1000);

  const make = (overrides: { video?: VideoPresenceStore; media?: RecordingRoomGateway | null } = {}) =>
    new HandleMediaEvent(
      {
        dedupe: w.dedupe,
        classes: w.classes,
        enrolments: w.enrolments,
        kickBans: w.kickBans,
        video: overrides.video ?? w.video,
        presence: w.presence,
        participants: w.participants,
        broadcaster: w.broadcaster,
        media: overrides.media === undefined ? gateway : overrides.media,
        clock: w.clock,
      },
      POLICY,
    );

  beforeEach(async () => {
    w = await mediaWorld();
    gateway = new RecordingRoomGateway();
    handle = make();
  });

  const event = (name: string, userId: number | string | null, sid = 'PA_1', extra: Partial<MediaEvent> = {}): MediaEvent => ({
    event: name,
    id: `EV_${++sequence}`,
    createdAtS: nowS(),
    room: { name: String(w.room.id), sid: 'RM_1' },
    participant: userId === null ? null : { identity: typeof userId === 'number' ? `user-${userId}` : userId, sid },
    ...extra,
  });
  const videoOn = async () => [...(await w.video.usersOn(w.room.id))];
  const join = (userId: number, name: string, instructor = false) =>
    w.presence.join(w.room.id, `s-${userId}`, { userId, username: name, instructor }, w.clock.now());
  const flagIn = (o: MediaEventOutcome) => (o.kind === 'video-flag' ? { changed: o.changed, broadcast: o.broadcast } : o.kind);

  it('turns the video flag on for a member and broadcasts the list when they are present', async () => {
    await join(w.student.userId, '김수스');
    expect(flagIn(await handle.execute(event('participant_joined', w.student.userId)))).toEqual({ changed: true, broadcast: true });
    expect(await videoOn()).toEqual([w.student.userId]);
    expect(w.broadcaster.published).toEqual([
      {
        type: 'participants-changed',
        classId: w.room.id,
        participants: expect.objectContaining({ classId: w.room.id, participants: [expect.objectContaining({ userId: w.student.userId, video: true })] }),
      },
    ]);
  });

  it('stores the flag of an absent member without broadcasting, and shows it once they join', async () => {
    expect(flagIn(await handle.execute(event('participant_joined', w.instructor.userId)))).toEqual({ changed: true, broadcast: false });
    expect(w.broadcaster.published).toHaveLength(0);
    await join(w.instructor.userId, '이강사', true);
    expect((await w.participants.of(w.room.id)).participants[0]).toMatchObject({ userId: w.instructor.userId, video: true });
  });

  it('clears the flag on left and connection_aborted only for the sid that set it', async () => {
    await join(w.student.userId, '김수스');
    await handle.execute(event('participant_joined', w.student.userId, 'PA_old'));
    await handle.execute(event('participant_joined', w.student.userId, 'PA_new'));
    expect(flagIn(await handle.execute(event('participant_left', w.student.userId, 'PA_old')))).toEqual({ changed: false, broadcast: false });
    expect(await videoOn()).toEqual([w.student.userId]);
    expect(flagIn(await handle.execute(event('participant_connection_aborted', w.student.userId, 'PA_new')))).toEqual({ changed: true, broadcast: true });
    expect(await videoOn()).toEqual([]);
    expect(w.broadcaster.published).toHaveLength(2);
  });

  it('processes an event id once', async () => {
    const e = event('participant_joined', w.student.userId);
    expect((await handle.execute(e)).kind).toBe('video-flag');
    await w.video.clearClass(w.room.id);
    expect(await handle.execute(e)).toEqual({ kind: 'duplicate', eventId: e.id });
    expect(await videoOn()).toEqual([]);
  });

  it('ignores stale events but accepts events from a clock slightly ahead', async () => {
    const old = event('participant_joined', w.student.userId, 'PA_1', { createdAtS: nowS() - 601 });
    expect(await handle.execute(old)).toEqual({ kind: 'stale', eventId: old.id, ageS: 601 });
    expect(flagIn(await handle.execute(event('participant_joined', w.student.userId, 'PA_1', { createdAtS: nowS() - 600 })))).toEqual({
      changed: true,
      broadcast: false,
    });
    await w.video.clearClass(w.room.id);
    expect((await handle.execute(event('participant_joined', w.student.userId, 'PA_2', { createdAtS: nowS() + 5 }))).kind).toBe('video-flag');
    await w.video.clearClass(w.room.id);
    expect((await handle.execute(event('participant_joined', w.student.userId, 'PA_3', { createdAtS: null }))).kind).toBe('video-flag');
  });

  it('ignores unrelated rooms, foreign identities and other events', async () => {
    const ignored = async (e: MediaEvent) => {
      const o = await handle.execute(e);
      return o.kind === 'ignored' ? o.reason : o.kind;
    };
    expect(await ignored(event('participant_joined', w.student.userId, 'PA_1', { room: { name: '999', sid: '' } }))).toBe('unknown-room');
    expect(await ignored(event('participant_joined', w.student.userId, 'PA_1', { room: { name: 'lobby', sid: '' } }))).toBe('unknown-room');
    expect(await ignored(event('participant_joined', w.student.userId, 'PA_1', { room: null }))).toBe('unknown-room');
    expect(await ignored(event('participant_joined', 'user-07'))).toBe('foreign-identity');
    expect(await ignored(event('participant_joined', 'egress-1'))).toBe('foreign-identity');
    expect(await ignored(event('participant_left', null))).toBe('foreign-identity');
    expect(await ignored(event('track_published', w.student.userId))).toBe('unhandled-event');
    expect(await ignored(event('egress_started', null))).toBe('unhandled-event');
    expect(await videoOn()).toEqual([]);
    expect(gateway.calls).toHaveLength(0);
  });

  it('reports room_started for the log', async () => {
    const o = await handle.execute(event('room_started', null, '', { room: { name: String(w.room.id), sid: 'RM_abc' } }));
    expect(o).toEqual({ kind: 'room-started', classId: w.room.id, roomSid: 'RM_abc', startedAt: w.clock.now() });
  });

  it('clears every flag on room_finished and broadcasts only when a present user changed', async () => {
    await handle.execute(event('participant_joined', w.instructor.userId, 'PA_i'));
    expect(await handle.execute(event('room_finished', null))).toEqual({ kind: 'room-finished', classId: w.room.id, cleared: [w.instructor.userId], broadcast: false });
    await join(w.student.userId, '김수스');
    await handle.execute(event('participant_joined', w.student.userId, 'PA_s'));
    w.broadcaster.published.length = 0;
    expect(await handle.execute(event('room_finished', null))).toMatchObject({ cleared: [w.student.userId], broadcast: true });
    expect(w.broadcaster.published[0]!.participants).toMatchObject({ participants: [expect.objectContaining({ video: false })] });
    expect(await videoOn()).toEqual([]);
  });

  it('removes a non-member or kicked participant from the room without setting a flag', async () => {
    const outsider = await handle.execute(event('participant_joined', w.outsider.userId));
    expect(outsider).toMatchObject({ kind: 'evicted', because: 'not-member', userId: w.outsider.userId });
    if (outsider.kind === 'evicted') expect(await outsider.removal).toBe('done');
    const admin = await handle.execute(event('participant_joined', w.admin.userId));
    expect(admin).toMatchObject({ kind: 'evicted', because: 'not-member' });
    await w.kickBans.ban(w.room.id, w.student.userId, 60);
    const kicked = await handle.execute(event('participant_joined', w.student.userId));
    expect(kicked).toMatchObject({ kind: 'evicted', because: 'kicked' });
    if (kicked.kind === 'evicted') expect(await kicked.removal).toBe('done');
    expect(await videoOn()).toEqual([]);
    expect(gateway.calls.filter((c) => c.method === 'removeParticipant').map((c) => c.args)).toEqual([
      [String(w.room.id), `user-${w.outsider.userId}`],
      [String(w.room.id), `user-${w.admin.userId}`],
      [String(w.room.id), `user-${w.student.userId}`],
    ]);
  });

  it('answers before a slow removal finishes, and reports failures and a missing Room API', async () => {
    let release!: () => void;
    gateway.hold = new Promise((resolve) => (release = resolve));
    const o = await handle.execute(event('participant_joined', w.outsider.userId));
    expect(gateway.calls.map((c) => c.method)).toEqual(['removeParticipant:start']);
    gateway.failing = true;
    release();
    if (o.kind === 'evicted') expect(await o.removal).toBe('failed');
    const off = make({ media: null });
    const skipped = await off.execute(event('participant_joined', w.outsider.userId));
    expect(skipped.kind === 'evicted' ? await skipped.removal : skipped.kind).toBe('skipped');
  });

  it('forgets the event id when handling fails, so the retry is processed', async () => {
    const broken: VideoPresenceStore = {
      setOn: async () => {
        throw new Error('store down');
      },
      clearIfSid: async () => false,
      usersOn: async () => new Set(),
      clearClass: async () => [],
    };
    const e = event('participant_joined', w.student.userId);
    await expect(make({ video: broken }).execute(e)).rejects.toThrow('store down');
    expect((await handle.execute(e)).kind).toBe('video-flag');
  });
});
