import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassroomRepository, EnrolmentRepository } from '@sooscode/domain';
import { silentLogger } from '@sooscode/adapters/system/logger';
import { DEMO_CLASS_TITLE, seedDemoClass } from '../../src/seed-classroom';
import { TOKENS } from '../../src/tokens';
import { startClassroomFixture, type ClassroomFixture } from './classroom-fixture';

describe('seedDemoClass', () => {
  let f: ClassroomFixture;
  beforeAll(async () => {
    f = await startClassroomFixture();
  });
  afterAll(async () => {
    await f.stop();
  });

  it('skips without the demo instructor, then seeds one open class idempotently', async () => {
    const classes = f.server.container.get<ClassroomRepository>(TOKENS.ClassroomRepository);
    const enrolments = f.server.container.get<EnrolmentRepository>(TOKENS.EnrolmentRepository);
    await seedDemoClass(f.server.container, silentLogger);
    const teacher = await f.user('INSTRUCTOR', { email: 'instructor@sooscode.local' });
    const s1 = await f.user('STUDENT', { email: 'student1@sooscode.local' });
    const s2 = await f.user('STUDENT', { email: 'student2@sooscode.local' });
    expect((await classes.taughtBy(teacher.id, { page: 0, size: 10 })).total).toBe(0);
    await seedDemoClass(f.server.container, silentLogger);
    await seedDemoClass(f.server.container, silentLogger);
    const taught = await classes.taughtBy(teacher.id, { page: 0, size: 10 });
    expect(taught.total).toBe(1);
    const room = taught.items[0]!.room;
    expect(room).toMatchObject({ title: DEMO_CLASS_TITLE, active: true, startTime: '00:00:00', endTime: '23:59:00' });
    expect(await enrolments.countStudents(room.id)).toBe(2);
    for (const s of [s1, s2]) {
      const r = await (await f.login(s)).json('GET', `/api/class/${room.id}`);
      expect([r.status, r.body.code]).toEqual([200, 'GLOBAL_000']);
    }
  });
});
