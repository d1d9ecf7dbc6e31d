import type { PageOf, PageRequest } from '@sooscode/domain';
import { pageOf } from '@sooscode/domain';
import type { UserDirectory, UserSearch, UserSummary } from '@sooscode/domain';
import type { User } from '@sooscode/domain';
import { compareCodePoints, containsIgnoringCase, directed, type InMemoryClassroomTables } from './in-memory-classroom-repository';

function summary(u: User): UserSummary {
  return { userId: u.id, name: u.name, email: u.email };
}

function byName(a: User, b: User): number {
  return compareCodePoints(a.name, b.name) || a.id - b.id;
}

function matches(u: User, keyword: string | undefined): boolean {
  return keyword === undefined || containsIgnoringCase(u.name, keyword) || containsIgnoringCase(u.email, keyword);
}

/** `UserDirectory` over the in-memory users and enrolments. */
export class InMemoryUserDirectory implements UserDirectory {
  constructor(private readonly t: InMemoryClassroomTables) {}

  async search(s: UserSearch, page: PageRequest): Promise<PageOf<User>> {
    return pageOf(this.matching(s), page);
  }

  async *batches(s: UserSearch, batchSize: number): AsyncIterable<User[]> {
    const found = this.matching(s);
    for (let i = 0; i < found.length; i += batchSize) yield found.slice(i, i + batchSize);
  }

  private matching(s: UserSearch): User[] {
    return this.t.users
      .all()
      .filter((u) => u.role !== 'ADMIN' && matches(u, s.keyword))
      .filter((u) => (s.role === undefined || u.role === s.role) && (s.status === undefined || u.status === s.status))
      .filter((u) => (s.createdFrom === undefined || u.createdAt >= s.createdFrom) && (s.createdTo === undefined || u.createdAt <= s.createdTo))
      .sort((a, b) => {
        const primary = s.sortBy === 'createdAt' ? a.createdAt.getTime() - b.createdAt.getTime() : compareCodePoints(a[s.sortBy], b[s.sortBy]);
        return directed(s.direction, primary || a.id - b.id);
      });
  }

  async activeInstructors(keyword?: string): Promise<UserSummary[]> {
    return this.t.users
      .all()
      .filter((u) => u.role === 'INSTRUCTOR' && u.status === 'ACTIVE' && matches(u, keyword))
      .sort(byName)
      .map(summary);
  }

  async availableStudents(classId: number, keyword?: string): Promise<UserSummary[]> {
    return this.t.users
      .all()
      .filter((u) => u.role === 'STUDENT' && u.status === 'ACTIVE' && !this.t.enrolments.has(`${classId}:${u.id}`) && matches(u, keyword))
      .sort(byName)
      .map(summary);
  }
}
