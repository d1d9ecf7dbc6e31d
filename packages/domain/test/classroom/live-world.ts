import { ClassAccess, LiveClassroom, MediaClassVideoRoom, ParticipantList, type Caller, type ClassRoom, type MediaRoomGateway, type User } from '@sooscode/domain';
import { ClassroomMother, FixedClock, UserMother } from '@sooscode/domain/testing';
import { InMemoryClassroomRepository, InMemoryClassroomTables, InMemoryCodeDocumentStore, InMemoryEnrolmentRepository, InMemoryKickBanStore, InMemoryLiveModeStore, InMemoryPresenceRegistry, InMemoryUserRepository, InMemoryVideoPresenceStore } from '@sooscode/adapters/memory';
import { EffectLog } from './live-fakes';

/** A class with an instructor and two students on in-memory ports, plus the live ports and an effect log. */
export async function liveWorld(options: { media?: 'none' | 'ok' | 'failing' } = {}) {
  const clock = new FixedClock('2025-12-18T01:00:00.000Z');
  const users = new InMemoryUserRepository();
  const tables = new InMemoryClassroomTables(users);
  const classes = new InMemoryClassroomRepository(tables);
  const enrolments = new InMemoryEnrolmentRepository(tables);
  const log = new EffectLog();
  const presence = new InMemoryPresenceRegistry();
  const video = new InMemoryVideoPresenceStore();
  const liveModes = new InMemoryLiveModeStore();
  const kickBans = new InMemoryKickBanStore(clock);
  const codes = new InMemoryCodeDocumentStore(clock);
  const media: MediaRoomGateway | null = options.media === 'ok' ? log.media() : options.media === 'failing' ? log.media(true) : null;
  const participants = new ParticipantList(presence, video);
  const live = new LiveClassroom({ presence, liveModes, kickBans, video, codes, broadcaster: log, control: log, media: media && new MediaClassVideoRoom(media), participants });
  const instructor: User = await users.create(UserMother.instructor({ name: '이강사' }));
  const student: User = await users.create(UserMother.student({ name: '김학생' }));
  const other: User = await users.create(UserMother.student({ name: '박학생' }));
  const admin: User = await users.create(UserMother.admin());
  const room: ClassRoom = await classes.create(ClassroomMother.runningNow(instructor.id, clock.now()));
  await enrolments.enrol({ classId: room.id, userId: student.id, enrolledAt: clock.now() });
  await enrolments.enrol({ classId: room.id, userId: other.id, enrolledAt: clock.now() });
  const as = (u: User): Caller => ({ userId: u.id, role: u.role });
  return {
    clock, users, tables, classes, enrolments, log, presence, video, liveModes, kickBans, codes, participants, live, room,
    instructor, student, other, admin, as, access: new ClassAccess(classes, enrolments),
  };
}
