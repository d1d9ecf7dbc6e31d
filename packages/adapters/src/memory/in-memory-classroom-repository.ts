import type { ClassRoom, Enrolment, NewClassRoom } from '@sooscode/domain';
import type { PageOf, PageRequest, SortDirection } from '@sooscode/domain';
import { pageOf } from '@sooscode/domain';
import type { ClassListing, ClassroomRepository, ClassSearch } from '@sooscode/domain';
import type { InMemoryUserRepository } from './in-memory-user-repository';

/** Code-point order of two strings (what Postgres `COLLATE "C"` does). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Case-insensitive substring test. */
export function containsIgnoringCase(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

/** Applies a direction to an ascending comparison. */
export function directed(direction: SortDirection, ascending: number): number {
  return direction === 'ASC' ? ascending : -ascending;
}

/** The classroom tables shared by the in-memory classroom adapters, next to the users they refer to. */
export class InMemoryClassroomTables {
  readonly classes = new Map<number, ClassRoom>();
  /** Key `classId:userId`. */
  readonly enrolments = new Map<string, Enrolment>();
  nextClassId = 1;

  constructor(readonly users: InMemoryUserRepository) {}

  studentCount(classId: number): number {
    let n = 0;
    for (const e of this.enrolments.values()) if (e.classId === classId) n++;
    return n;
  }

  listing(room: ClassRoom): ClassListing {
    const instructor = this.users.all().find((u) => u.id === room.instructorId);
    return { room, instructorName: instructor?.name ?? '', studentCount: this.studentCount(room.id) };
  }
}

/** `ClassroomRepository` in process memory. */
export class InMemoryClassroomRepository implements ClassroomRepository {
  constructor(private readonly t: InMemoryClassroomTables) {}

  async findById(id: number): Promise<ClassRoom | null> {
    return this.t.classes.get(id) ?? null;
  }

  async create(room: NewClassRoom): Promise<ClassRoom> {
    const created: ClassRoom = { ...room, id: this.t.nextClassId++ };
    this.t.classes.set(created.id, created);
    return created;
  }

  async update(room: ClassRoom): Promise<void> {
    if (!this.t.classes.has(room.id)) throw new Error(`unknown class ${room.id}`);
    this.t.classes.set(room.id, { ...room });
  }

  async search(s: ClassSearch, page: PageRequest): Promise<PageOf<ClassListing>> {
    const matches = [...this.t.classes.values()]
      .filter((c) => c.active)
      .map((c) => this.t.listing(c))
      .filter(({ room: c, instructorName }) => {
        if (s.keyword !== undefined && !containsIgnoringCase(c.title, s.keyword) && !containsIgnoringCase(instructorName, s.keyword)) return false;
        if (s.startDateFrom !== undefined && c.startDate < s.startDateFrom) return false;
        if (s.endDateTo !== undefined && c.endDate > s.endDateTo) return false;
        if (s.startTimeFrom !== undefined && c.startTime < s.startTimeFrom) return false;
        if (s.endTimeTo !== undefined && c.endTime > s.endTimeTo) return false;
        return true;
      });
    const key = (c: ClassRoom): string | number => (s.sortBy === 'createdAt' ? c.createdAt.getTime() : c[s.sortBy]);
    matches.sort((a, b) => {
      const ka = key(a.room);
      const kb = key(b.room);
      const primary = typeof ka === 'number' ? ka - (kb as number) : compareCodePoints(ka, kb as string);
      return directed(s.direction, primary || a.room.id - b.room.id);
    });
    return pageOf(matches, page);
  }

  async taughtBy(instructorId: number, page: PageRequest): Promise<PageOf<ClassListing>> {
    const mine = [...this.t.classes.values()]
      .filter((c) => c.instructorId === instructorId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
      .map((c) => this.t.listing(c));
    return pageOf(mine, page);
  }
}
