import type { ClassRoom, User } from '@sooscode/domain';
import { countingErrors } from '../support/counting-logger';
import type { HttpClient } from '../support/test-server';
import { startClassroomFixture, type ClassroomFixture } from '../classroom/classroom-fixture';

/** Who sends a fuzzed request. */
export type FuzzActor = 'anonymous' | 'student' | 'instructor' | 'admin';
export const FUZZ_ACTORS: readonly FuzzActor[] = ['anonymous', 'student', 'instructor', 'admin'];

/** The storage configurations the fuzzers run on. */
export type StorageConfig = 'embedded' | 'postgres+redis';

/**
 * A server under fuzzing: a class with its instructor and an enrolled student, a client per actor,
 * and the count of unhandled errors it logged. Fuzzed requests may log an actor out, deactivate it
 * or change its role; `revive` logs it in again or replaces it, so every actor keeps its part.
 */
export class FuzzWorld {
  readonly clients = new Map<FuzzActor, HttpClient>();
  private student!: User;
  private instructor!: User;
  private admin!: User;
  room!: ClassRoom;

  private constructor(
    readonly fixture: ClassroomFixture,
    /** Unhandled errors logged by the server (each one is a 500). */
    readonly errors: { errors: number },
  ) {}

  static async start(config: StorageConfig): Promise<FuzzWorld> {
    const errors = { errors: 0 };
    const fixture = await startClassroomFixture({
      embedded: config === 'embedded',
      redis: config === 'postgres+redis',
      logger: countingErrors(errors),
      env: {
        // An unreachable worker: a fuzzed compile that passes validation answers 503 COMPILE_004 at once.
        COMPILE_WORKER_URL: 'http://127.0.0.1:9',
        LOGIN_MAX_FAILURES_PER_IP: '1000000',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
      },
    });
    const world = new FuzzWorld(fixture, errors);
    world.clients.set('anonymous', fixture.anonymous);
    world.admin = await fixture.user('ADMIN');
    world.clients.set('admin', await fixture.login(world.admin));
    await world.newClass();
    return world;
  }

  get url(): string {
    return this.fixture.server.url;
  }

  /** Ids worth hitting: the class, its people, the admin, and neighbours. */
  get ids(): number[] {
    return [this.room.id, this.student.id, this.instructor.id, this.admin.id, this.room.id + 1, 1];
  }

  /** The access token of an actor (for STOMP), if it has one. */
  token(actor: FuzzActor): string | undefined {
    return this.clients.get(actor)?.cookies.get('accessToken');
  }

  /** After a 401 for a signed-in actor: logs it in again, or replaces the class and its people. */
  async revive(actor: FuzzActor): Promise<void> {
    if (actor === 'anonymous') return;
    const user = actor === 'admin' ? this.admin : actor === 'student' ? this.student : this.instructor;
    const again = await this.fixture.login(user).catch(() => undefined);
    if (again && (await again.json('GET', '/api/me')).body.data) {
      this.clients.set(actor, again);
      return;
    }
    if (actor !== 'admin') return this.newClass();
    this.admin = await this.fixture.user('ADMIN');
    this.clients.set('admin', await this.fixture.login(this.admin));
  }

  /** A fresh instructor, class (running now) and enrolled student, each logged in. */
  private async newClass(): Promise<void> {
    const f = this.fixture;
    this.instructor = await f.user('INSTRUCTOR');
    this.student = await f.user('STUDENT');
    this.room = await f.classRoom(this.instructor.id, { startDate: '2020-01-01', endDate: '2999-12-31', startTime: '00:00:00', endTime: '23:59:00' });
    await f.enrol(this.room.id, this.student.id);
    this.clients.set('instructor', await f.login(this.instructor));
    this.clients.set('student', await f.login(this.student));
  }

  async stop(): Promise<void> {
    await this.fixture.stop();
  }
}
