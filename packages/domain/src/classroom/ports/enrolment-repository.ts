import type { ClassRoom, Enrolment } from '../class-room';
import type { PageOf, PageRequest, SortDirection } from '../paging';

/** A class a user is enrolled in, with its instructor's name. */
export interface EnrolledClass {
  readonly room: ClassRoom;
  readonly instructorName: string;
  readonly enrolledAt: Date;
}

/** A student enrolled in a class. */
export interface EnrolledStudent {
  readonly userId: number;
  readonly name: string;
  readonly email: string;
  /** The user's own image URL, or null for the default. */
  readonly profileImageUrl: string | null;
  readonly enrolledAt: Date;
}

/** Criteria of a class's student listing (http.md §11). */
export interface EnrolledStudentSearch {
  /** Case-insensitive substring of the name or the email. */
  readonly keyword?: string;
  /** Order of enrolment time; ties by user id in the same direction. */
  readonly direction: SortDirection;
}

/** Who is enrolled in which class (`stud(c)`). */
export interface EnrolmentRepository {
  isEnrolled(classId: number, userId: number): Promise<boolean>;
  /** Enrols the user; false (and no change) when already enrolled. */
  enrol(enrolment: Enrolment): Promise<boolean>;
  /** Removes the enrolment; false when there was none. */
  unenrol(classId: number, userId: number): Promise<boolean>;
  /** Number of students enrolled in the class. */
  countStudents(classId: number): Promise<number>;
  /**
   * Classes the user is enrolled in (active or not), newest enrolment first (then class id descending);
   * every one of them when `page` is absent.
   */
  classesOf(userId: number, page?: PageRequest): Promise<PageOf<EnrolledClass>>;
  /** The students of a class matching `search`, one page. */
  studentsOf(classId: number, search: EnrolledStudentSearch, page: PageRequest): Promise<PageOf<EnrolledStudent>>;
}
