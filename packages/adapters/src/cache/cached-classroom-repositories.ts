import type { ClassRoom, Enrolment, NewClassRoom } from '@sooscode/domain';
import type { PageOf, PageRequest } from '@sooscode/domain';
import type { ClassListing, ClassroomRepository, ClassSearch } from '@sooscode/domain';
import type { EnrolledClass, EnrolledStudent, EnrolledStudentSearch, EnrolmentRepository } from '@sooscode/domain';
import type { ReadCache } from './read-cache';

/**
 * Caches the hot reads of classes (the entry gate and "my classes" run on every page load). Every write
 * through it invalidates the whole cache at once and calls `onWrite` so other nodes invalidate too;
 * admin search is not cached.
 */
export class CachedClassroomRepository implements ClassroomRepository {
  constructor(
    private readonly inner: ClassroomRepository,
    private readonly cache: ReadCache,
    private readonly onWrite: () => void = () => undefined,
  ) {}

  findById(id: number): Promise<ClassRoom | null> {
    return this.cache.get(`class:${id}`, () => this.inner.findById(id));
  }

  async create(room: NewClassRoom): Promise<ClassRoom> {
    try {
      return await this.inner.create(room);
    } finally {
      this.written();
    }
  }

  async update(room: ClassRoom): Promise<void> {
    try {
      await this.inner.update(room);
    } finally {
      this.written();
    }
  }

  search(search: ClassSearch, page: PageRequest): Promise<PageOf<ClassListing>> {
    return this.inner.search(search, page);
  }

  taughtBy(instructorId: number, page: PageRequest): Promise<PageOf<ClassListing>> {
    return this.cache.get(`taught:${instructorId}:${page.page}:${page.size}`, () => this.inner.taughtBy(instructorId, page));
  }

  private written(): void {
    this.cache.bump();
    this.onWrite();
  }
}

/** Caches the hot enrolment reads; enrol/unenrol invalidate everything (here and, through `onWrite`, on other nodes). */
export class CachedEnrolmentRepository implements EnrolmentRepository {
  constructor(
    private readonly inner: EnrolmentRepository,
    private readonly cache: ReadCache,
    private readonly onWrite: () => void = () => undefined,
  ) {}

  isEnrolled(classId: number, userId: number): Promise<boolean> {
    return this.cache.get(`enrolled:${classId}:${userId}`, () => this.inner.isEnrolled(classId, userId));
  }

  async enrol(enrolment: Enrolment): Promise<boolean> {
    try {
      return await this.inner.enrol(enrolment);
    } finally {
      this.written();
    }
  }

  async unenrol(classId: number, userId: number): Promise<boolean> {
    try {
      return await this.inner.unenrol(classId, userId);
    } finally {
      this.written();
    }
  }

  countStudents(classId: number): Promise<number> {
    return this.cache.get(`count:${classId}`, () => this.inner.countStudents(classId));
  }

  classesOf(userId: number, page?: PageRequest): Promise<PageOf<EnrolledClass>> {
    return page
      ? this.cache.get(`classesOf:${userId}:${page.page}:${page.size}`, () => this.inner.classesOf(userId, page))
      : this.inner.classesOf(userId);
  }

  studentsOf(classId: number, search: EnrolledStudentSearch, page: PageRequest): Promise<PageOf<EnrolledStudent>> {
    return this.inner.studentsOf(classId, search, page);
  }

  private written(): void {
    this.cache.bump();
    this.onWrite();
  }
}
