import type { Enrolment } from '@sooscode/domain';
import type { PageOf, PageRequest } from '@sooscode/domain';
import { pageOf } from '@sooscode/domain';
import type { EnrolledClass, EnrolledStudent, EnrolledStudentSearch, EnrolmentRepository } from '@sooscode/domain';
import { containsIgnoringCase, directed, type InMemoryClassroomTables } from './in-memory-classroom-repository';

/** `EnrolmentRepository` in process memory. */
export class InMemoryEnrolmentRepository implements EnrolmentRepository {
  constructor(private readonly t: InMemoryClassroomTables) {}

  private key(classId: number, userId: number): string {
    return `${classId}:${userId}`;
  }

  async isEnrolled(classId: number, userId: number): Promise<boolean> {
    return this.t.enrolments.has(this.key(classId, userId));
  }

  async enrol(e: Enrolment): Promise<boolean> {
    const key = this.key(e.classId, e.userId);
    if (this.t.enrolments.has(key)) return false;
    if (!this.t.classes.has(e.classId)) throw new Error(`unknown class ${e.classId}`);
    this.t.enrolments.set(key, { ...e });
    return true;
  }

  async unenrol(classId: number, userId: number): Promise<boolean> {
    return this.t.enrolments.delete(this.key(classId, userId));
  }

  async countStudents(classId: number): Promise<number> {
    return this.t.studentCount(classId);
  }

  async classesOf(userId: number, page?: PageRequest): Promise<PageOf<EnrolledClass>> {
    const mine = [...this.t.enrolments.values()]
      .filter((e) => e.userId === userId)
      .sort((a, b) => b.enrolledAt.getTime() - a.enrolledAt.getTime() || b.classId - a.classId)
      .map((e) => {
        const { room, instructorName } = this.t.listing(this.t.classes.get(e.classId)!);
        return { room, instructorName, enrolledAt: e.enrolledAt };
      });
    return pageOf(mine, page);
  }

  async studentsOf(classId: number, search: EnrolledStudentSearch, page: PageRequest): Promise<PageOf<EnrolledStudent>> {
    const users = new Map(this.t.users.all().map((u) => [u.id, u]));
    const students = [...this.t.enrolments.values()]
      .filter((e) => e.classId === classId)
      .map((e) => ({ e, u: users.get(e.userId)! }))
      .filter(({ u }) => search.keyword === undefined || containsIgnoringCase(u.name, search.keyword) || containsIgnoringCase(u.email, search.keyword))
      .sort((a, b) => directed(search.direction, a.e.enrolledAt.getTime() - b.e.enrolledAt.getTime() || a.u.id - b.u.id))
      .map(({ e, u }) => ({ userId: u.id, name: u.name, email: u.email, profileImageUrl: u.profileImageUrl, enrolledAt: e.enrolledAt }));
    return pageOf(students, page);
  }
}
