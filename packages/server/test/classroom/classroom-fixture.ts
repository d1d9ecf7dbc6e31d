import type { ClassroomRepository, ClassRoom, EnrolmentRepository, NewClassRoom, PasswordHasher, Role, User, UserRepository } from '@sooscode/domain';
import { ClassroomMother, UserMother } from '@sooscode/domain/testing';
import { TOKENS } from '../../src/tokens';
import { HttpClient, startTestServer, type TestServer, type TestServerOptions } from '../support/test-server';

/** The password of every fixture user. */
export const FIXTURE_PASSWORD = 'Passw0rd!1';

/** A running server plus shortcuts to create users, classes and enrolments directly through the ports. */
export interface ClassroomFixture {
  readonly server: TestServer;
  readonly users: UserRepository;
  readonly classes: ClassroomRepository;
  readonly enrolments: EnrolmentRepository;
  /** The seeded admin, logged in. */
  readonly admin: HttpClient;
  /** An anonymous client. */
  readonly anonymous: HttpClient;
  /** Creates an ACTIVE user whose password is `FIXTURE_PASSWORD`. */
  user(role: Role, overrides?: Partial<User>): Promise<User>;
  /** A client logged in as `user`. */
  login(user: User): Promise<HttpClient>;
  classRoom(instructorId: number, overrides?: Partial<NewClassRoom>): Promise<ClassRoom>;
  enrol(classId: number, userId: number, at?: Date): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a test server for classroom suites. */
export async function startClassroomFixture(options: TestServerOptions = {}): Promise<ClassroomFixture> {
  // LiveKit's Room API is off unless a suite asks for it, so end/kick never reach for a server on :7880.
  const server = await startTestServer({ ...options, env: { LIVEKIT_URL: '', ...options.env } });
  const c = server.container;
  const users = c.get<UserRepository>(TOKENS.UserRepository);
  const classes = c.get<ClassroomRepository>(TOKENS.ClassroomRepository);
  const enrolments = c.get<EnrolmentRepository>(TOKENS.EnrolmentRepository);
  const passwordHash = await c.get<PasswordHasher>(TOKENS.PasswordHasher).hash(FIXTURE_PASSWORD);
  const admin = new HttpClient(server.url);
  await admin.login('admin@test.local', 'Admin1234!');
  return {
    server,
    users,
    classes,
    enrolments,
    admin,
    anonymous: new HttpClient(server.url),
    async user(role, overrides = {}) {
      return users.create({ ...UserMother.build(role), passwordHash, ...overrides });
    },
    async login(user) {
      const client = new HttpClient(server.url);
      await client.login(user.email, FIXTURE_PASSWORD);
      return client;
    },
    classRoom: (instructorId, overrides = {}) => classes.create(ClassroomMother.build(instructorId, overrides)),
    async enrol(classId, userId, at = new Date()) {
      await enrolments.enrol({ classId, userId, enrolledAt: at });
    },
    stop: () => server.stop(),
  };
}

/** The six kinds of caller of the authorisation matrix. */
export type Actor = 'anonymous' | 'outsider' | 'student' | 'instructor' | 'otherInstructor' | 'admin';

/** One class with a client per actor: a non-member student, an enrolled student, its instructor, another instructor, the admin. */
export interface ActorWorld {
  readonly classRoom: ClassRoom;
  readonly student: User;
  readonly instructor: User;
  readonly clients: Record<Actor, HttpClient>;
}

/** Creates a running class and logs in one client per actor. */
export async function actorWorld(f: ClassroomFixture, overrides: Partial<NewClassRoom> = {}): Promise<ActorWorld> {
  const instructor = await f.user('INSTRUCTOR', { name: '이강사' });
  const other = await f.user('INSTRUCTOR');
  const student = await f.user('STUDENT', { name: '김학생' });
  const outsider = await f.user('STUDENT');
  const classRoom = await f.classes.create(ClassroomMother.runningNow(instructor.id, f.server.container.get<{ now(): Date }>(TOKENS.Clock).now(), 'Asia/Seoul', overrides));
  await f.enrol(classRoom.id, student.id);
  const [i, o, s, out] = await Promise.all([f.login(instructor), f.login(other), f.login(student), f.login(outsider)]);
  return {
    classRoom,
    student,
    instructor,
    clients: { anonymous: f.anonymous, outsider: out, student: s, instructor: i, otherInstructor: o, admin: f.admin },
  };
}
