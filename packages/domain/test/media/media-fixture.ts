import {
  ClassAccess,
  domainError,
  err,
  ok,
  ParticipantList,
  type MediaParticipant,
  type MediaRoomGateway,
  type MediaRoomOptions,
  type MediaTokenIssuer,
  type MediaTokenRequest,
  type Result,
  type ParticipantsChanged,
} from '@sooscode/domain';
import { ClassroomMother, FixedClock, RecordingRoomBroadcaster, UserMother } from '@sooscode/domain/testing';
import { InMemoryClassroomRepository, InMemoryClassroomTables, InMemoryEnrolmentRepository, InMemoryKickBanStore, InMemoryPresenceRegistry, InMemoryUserRepository, InMemoryVideoPresenceStore, InMemoryWebhookEventDedupe } from '@sooscode/adapters/memory';

/** Records every published participant list. */
export class RecordingBroadcaster extends RecordingRoomBroadcaster<ParticipantsChanged> {}

/** A token issuer that returns the request it was given, serialised, and keeps it. */
export class RecordingTokenIssuer implements MediaTokenIssuer {
  readonly requests: MediaTokenRequest[] = [];

  async issue(request: MediaTokenRequest): Promise<string> {
    this.requests.push(request);
    return `token-${this.requests.length}`;
  }
}

type Call = { method: string; args: unknown[] };

/** A room gateway that records calls; `failWith` makes every call fail with `LIVEKIT_002`. */
export class RecordingRoomGateway implements MediaRoomGateway {
  readonly calls: Call[] = [];
  failing = false;
  participants: MediaParticipant[] = [];
  rooms: unknown[] = [];
  /** When set, `removeParticipant` waits for this before answering. */
  hold: Promise<void> | null = null;

  private answer<T>(method: string, args: unknown[], value: T): Result<T> {
    this.calls.push({ method, args });
    return this.failing ? err(domainError('LIVEKIT_002')) : ok(value);
  }

  async createRoom(name: string, options: MediaRoomOptions): Promise<Result<void>> {
    return this.answer('createRoom', [name, options], undefined);
  }

  async deleteRoom(name: string): Promise<Result<void>> {
    return this.answer('deleteRoom', [name], undefined);
  }

  async listParticipants(room: string): Promise<Result<MediaParticipant[]>> {
    return this.answer('listParticipants', [room], this.participants);
  }

  async listRooms(): Promise<Result<unknown[]>> {
    return this.answer('listRooms', [], this.rooms);
  }

  async removeParticipant(room: string, identity: string): Promise<Result<void>> {
    this.calls.push({ method: 'removeParticipant:start', args: [room, identity] });
    if (this.hold) await this.hold;
    return this.answer('removeParticipant', [room, identity], undefined);
  }

  async mutePublishedTrack(room: string, identity: string, trackSid: string, muted: boolean): Promise<Result<void>> {
    return this.answer('mutePublishedTrack', [room, identity, trackSid, muted], undefined);
  }
}

/** A class with an instructor, one enrolled student, an outsider and an admin, on in-memory ports. */
export async function mediaWorld() {
  const clock = new FixedClock('2025-12-18T01:00:00.000Z');
  const users = new InMemoryUserRepository();
  const tables = new InMemoryClassroomTables(users);
  const classes = new InMemoryClassroomRepository(tables);
  const enrolments = new InMemoryEnrolmentRepository(tables);
  const instructor = await users.create(UserMother.instructor({ name: '이강사' }));
  const student = await users.create(UserMother.student({ name: '김수스' }));
  const outsider = await users.create(UserMother.student({ name: '박외부' }));
  const otherInstructor = await users.create(UserMother.instructor({ name: '최강사' }));
  const admin = await users.create(UserMother.admin({ name: '관리자' }));
  const room = await classes.create(ClassroomMother.runningNow(instructor.id, clock.now()));
  const inactive = await classes.create(ClassroomMother.runningNow(instructor.id, clock.now(), 'Asia/Seoul', { active: false }));
  await enrolments.enrol({ classId: room.id, userId: student.id, enrolledAt: clock.now() });
  await enrolments.enrol({ classId: inactive.id, userId: student.id, enrolledAt: clock.now() });
  const kickBans = new InMemoryKickBanStore(clock);
  const video = new InMemoryVideoPresenceStore();
  const presence = new InMemoryPresenceRegistry();
  const broadcaster = new RecordingBroadcaster();
  const caller = (u: { id: number; role: 'ADMIN' | 'INSTRUCTOR' | 'STUDENT'; name: string }) => ({ userId: u.id, role: u.role, name: u.name });
  return {
    clock,
    users,
    classes,
    enrolments,
    access: new ClassAccess(classes, enrolments),
    kickBans,
    video,
    presence,
    broadcaster,
    participants: new ParticipantList(presence, video),
    dedupe: new InMemoryWebhookEventDedupe(clock),
    room,
    inactive,
    instructor: caller(instructor),
    student: caller(student),
    outsider: caller(outsider),
    otherInstructor: caller(otherInstructor),
    admin: caller(admin),
  };
}

export type MediaWorld = Awaited<ReturnType<typeof mediaWorld>>;
