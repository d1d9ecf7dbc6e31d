import type { Container } from 'inversify';
import type { ClassroomRepository, Clock, EnrolmentRepository, UserRepository } from '@sooscode/domain';
import { addDays, localDateOf } from '@sooscode/domain';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { RuntimeSettings } from './config/runtime-settings';
import { TOKENS } from './tokens';

/** Title of the demo class; also how a later start finds it again. */
export const DEMO_CLASS_TITLE = '자바 기초 (데모)';
const DEMO_INSTRUCTOR = 'instructor@sooscode.local';
const DEMO_STUDENTS = ['student1@sooscode.local', 'student2@sooscode.local'];

/**
 * Seeds the demo class of the embedded run (after the demo accounts): one class open now, every day of a
 * course from a week ago to 90 days ahead (in APP_TIME_ZONE), slot 00:00–23:59, taught by
 * `instructor@sooscode.local` with `student1@`/`student2@sooscode.local` enrolled. Idempotent: a
 * second run finds the class by title, moves an expired course period forward and fills in missing
 * enrolments. Skipped (with a log line) when the demo instructor does not exist.
 */
export async function seedDemoClass(container: Container, logger: Logger): Promise<void> {
  const users = container.get<UserRepository>(TOKENS.UserRepository);
  const classes = container.get<ClassroomRepository>(TOKENS.ClassroomRepository);
  const enrolments = container.get<EnrolmentRepository>(TOKENS.EnrolmentRepository);
  const now = container.get<Clock>(TOKENS.Clock).now();
  const timeZone = container.get<RuntimeSettings>(TOKENS.Settings).config.appTimeZone;
  const instructor = await users.findByEmail(DEMO_INSTRUCTOR);
  if (!instructor || instructor.role !== 'INSTRUCTOR') {
    logger.warn({ email: DEMO_INSTRUCTOR }, 'demo class not seeded: the demo instructor does not exist');
    return;
  }
  const today = localDateOf(now, timeZone);
  const period = { startDate: addDays(today, -7), endDate: addDays(today, 90) };
  const taught = await classes.taughtBy(instructor.id, { page: 0, size: 1000 });
  let room = taught.items.map((l) => l.room).find((r) => r.title === DEMO_CLASS_TITLE) ?? null;
  if (!room) {
    room = await classes.create({
      title: DEMO_CLASS_TITLE,
      description: '실시간 코딩 수업을 체험해 보는 데모 클래스입니다.',
      instructorId: instructor.id,
      online: true,
      active: true,
      mode: 'FREE',
      ...period,
      startTime: '00:00:00',
      endTime: '23:59:00',
      thumbnailUrl: null,
      createdAt: now,
      updatedAt: now,
    });
    logger.info({ classId: room.id }, 'demo class seeded');
  } else if (room.endDate < today || room.startDate > today) {
    room = { ...room, ...period, updatedAt: now };
    await classes.update(room);
    logger.info({ classId: room.id }, 'demo class period moved to today');
  }
  for (const email of DEMO_STUDENTS) {
    const student = await users.findByEmail(email);
    if (student?.role === 'STUDENT') await enrolments.enrol({ classId: room.id, userId: student.id, enrolledAt: now });
  }
}
