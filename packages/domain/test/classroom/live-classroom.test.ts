import { describe, expect, it } from 'vitest';
import { DEFAULT_KICK_MESSAGE, EndClass, KickParticipant, UnassignStudents } from '@sooscode/domain';
import { liveWorld } from './live-world';

async function present(w: Awaited<ReturnType<typeof liveWorld>>) {
  const c = w.room.id;
  await w.presence.join(c, 'i1', { userId: w.instructor.id, username: '이강사', instructor: true }, new Date('2025-12-18T01:00:00.000Z'));
  await w.presence.join(c, 's1', { userId: w.student.id, username: '김학생', instructor: false }, new Date('2025-12-18T01:00:01.500Z'));
  await w.presence.join(c, 's2', { userId: w.student.id, username: '김학생', instructor: false }, new Date('2025-12-18T01:00:02.000Z'));
  await w.presence.join(c, 'o1', { userId: w.other.id, username: '박학생', instructor: false }, new Date('2025-12-18T01:00:03.000Z'));
  await w.video.setOn(c, w.other.id, 'PA_x');
}

describe('EndClass (stomp.md §5.7)', () => {
  it('publishes class-ended, then the empty list, detaches, clears every live state, then deletes the LiveKit room', async () => {
    const w = await liveWorld({ media: 'ok' });
    const c = w.room.id;
    await present(w);
    await w.liveModes.set(c, 'VIEW_ONLY');
    await w.kickBans.ban(c, w.other.id, 60);
    await w.codes.put(c, { kind: 'instructor' }, { userId: w.instructor.id, code: 'x', language: 'java', updatedAt: w.clock.now() }, 60);
    const result = await new EndClass(w.access, w.live).execute(c, w.as(w.instructor));
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(w.log.effects).toEqual([
      { kind: 'publish', event: { type: 'class-ended', classId: c } },
      { kind: 'publish', event: { type: 'participants-changed', classId: c, participants: { classId: c, participants: [] } } },
      { kind: 'detach', classId: c },
      { kind: 'media', call: 'deleteRoom', args: [String(c)] },
    ]);
    expect(await w.presence.participants(c)).toEqual([]);
    expect(await w.liveModes.get(c)).toBeNull();
    expect(await w.kickBans.isBanned(c, w.other.id)).toBe(false);
    expect(await w.codes.get(c, { kind: 'instructor' })).toBeNull();
    expect([...(await w.video.usersOn(c))]).toEqual([]);
  });

  it('is staff(c) only, checks in order, and skips or reports LiveKit', async () => {
    const w = await liveWorld({ media: 'failing' });
    const end = new EndClass(w.access, w.live);
    expect(await end.execute(999, w.as(w.instructor))).toEqual({ ok: false, error: { code: 'CLASS_001' } });
    expect(await end.execute(w.room.id, w.as(w.student))).toEqual({ ok: false, error: { code: 'CLASS_012' } });
    const stranger = await w.users.create({ ...w.student, email: 'x@example.com' });
    expect(await end.execute(w.room.id, w.as(stranger))).toEqual({ ok: false, error: { code: 'CLASS_002' } });
    expect(w.log.effects).toEqual([]);
    expect(await end.execute(w.room.id, w.as(w.admin))).toEqual({ ok: true, value: 'failed' });
    const none = await liveWorld();
    expect(await new EndClass(none.access, none.live).execute(none.room.id, none.as(none.instructor))).toEqual({ ok: true, value: 'skipped' });
  });
});

describe('KickParticipant (stomp.md §5.8)', () => {
  const kick = (w: Awaited<ReturnType<typeof liveWorld>>) => new KickParticipant(w.access, w.enrolments, w.kickBans, w.log, w.live, 86_400);

  it('bans, sends kicked to the user, detaches, removes every session and broadcasts, then removes from LiveKit', async () => {
    const w = await liveWorld({ media: 'ok' });
    const c = w.room.id;
    await present(w);
    const result = await kick(w).execute({ classId: c, targetUserId: w.student.id, reason: '떠들어서' }, w.as(w.instructor));
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(await w.kickBans.isBanned(c, w.student.id)).toBe(true);
    w.clock.advance(86_400_000);
    expect(await w.kickBans.isBanned(c, w.student.id)).toBe(false);
    expect(w.log.effects).toEqual([
      { kind: 'toUser', userId: w.student.id, event: { type: 'kicked', classId: c, message: '떠들어서' } },
      { kind: 'detach', classId: c, userId: w.student.id },
      {
        kind: 'publish',
        event: {
          type: 'participants-changed',
          classId: c,
          participants: {
            classId: c,
            participants: [
              { userId: w.instructor.id, username: '이강사', instructor: true, joinedAt: new Date('2025-12-18T10:00:00+09:00'), video: false },
              { userId: w.other.id, username: '박학생', instructor: false, joinedAt: new Date('2025-12-18T10:00:03+09:00'), video: true },
            ],
          },
        },
      },
      { kind: 'media', call: 'removeParticipant', args: [String(c), `user-${w.student.id}`] },
    ]);
    expect(await w.presence.sessionsOf(c, w.student.id)).toEqual([]);
  });

  it('uses the default message, and clears the live mode when the last participant is kicked', async () => {
    const w = await liveWorld();
    const c = w.room.id;
    await w.presence.join(c, 's1', { userId: w.student.id, username: '김학생', instructor: false }, w.clock.now());
    await w.liveModes.set(c, 'VIEW_ONLY');
    expect(await kick(w).execute({ classId: c, targetUserId: w.student.id }, w.as(w.admin))).toEqual({ ok: true, value: 'skipped' });
    expect(w.log.effects[0]).toEqual({ kind: 'toUser', userId: w.student.id, event: { type: 'kicked', classId: c, message: DEFAULT_KICK_MESSAGE } });
    expect(await w.liveModes.get(c)).toBeNull();
  });

  it('refuses in order: class, staff, self or instructor (PART_004), non-student (PART_001)', async () => {
    const w = await liveWorld();
    const k = kick(w);
    const run = (target: number, by = w.instructor, classId = w.room.id) => k.execute({ classId, targetUserId: target }, w.as(by));
    expect((await run(w.student.id, w.instructor, 999)).ok).toBe(false);
    expect(await run(w.other.id, w.student)).toEqual({ ok: false, error: { code: 'CLASS_012' } });
    expect(await run(w.instructor.id)).toEqual({ ok: false, error: { code: 'PART_004' } });
    expect(await run(w.instructor.id, w.admin)).toEqual({ ok: false, error: { code: 'PART_004' } });
    expect(await run(w.admin.id, w.admin)).toEqual({ ok: false, error: { code: 'PART_004' } });
    expect(await run(w.admin.id)).toEqual({ ok: false, error: { code: 'PART_001' } });
    expect(w.log.effects).toEqual([]);
    expect(await w.kickBans.isBanned(w.room.id, w.admin.id)).toBe(false);
  });
});

describe('UnassignStudents (stomp.md §5.9)', () => {
  it('detaches a present student and broadcasts, without a kick or a ban; an absent one causes no broadcast', async () => {
    const w = await liveWorld();
    const c = w.room.id;
    await present(w);
    const unassign = new UnassignStudents(w.classes, w.enrolments, w.users, w.live);
    const r = await unassign.execute(c, [w.student.id]);
    expect(r.ok && r.value.successCount).toBe(1);
    expect(w.log.effects.map((e) => e.kind)).toEqual(['detach', 'publish']);
    expect(await w.kickBans.isBanned(c, w.student.id)).toBe(false);
    expect(await w.presence.sessionsOf(c, w.student.id)).toEqual([]);
    w.log.effects.length = 0;
    await w.presence.clearClass(c);
    await unassign.execute(c, [w.other.id]);
    expect(w.log.effects.map((e) => e.kind)).toEqual(['detach']);
  });
});
