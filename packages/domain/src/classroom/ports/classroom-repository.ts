import type { ClassRoom, NewClassRoom } from '../class-room';
import type { PageOf, PageRequest, SortDirection } from '../paging';

/** A class with the names and counts listings show. */
export interface ClassListing {
  readonly room: ClassRoom;
  /** The instructor's name. */
  readonly instructorName: string;
  /** Number of enrolled students. */
  readonly studentCount: number;
}

/** Fields an admin class listing may be sorted by. */
export type ClassSortField = 'createdAt' | 'title' | 'startDate' | 'endDate' | 'startTime' | 'endTime';

/** Criteria of the admin class search (http.md §11). Absent filters do not apply. */
export interface ClassSearch {
  /** Case-insensitive substring of the title or of the instructor's name. */
  readonly keyword?: string;
  /** `startDate ≤ c.startDate` (LocalDate). */
  readonly startDateFrom?: string;
  /** `c.endDate ≤ endDate` (LocalDate). */
  readonly endDateTo?: string;
  /** `startTime ≤ c.startTime` (`HH:mm:ss`). */
  readonly startTimeFrom?: string;
  /** `c.endTime ≤ endTime` (`HH:mm:ss`). */
  readonly endTimeTo?: string;
  readonly sortBy: ClassSortField;
  /** Ties are broken by id in the same direction. */
  readonly direction: SortDirection;
}

/**
 * Persistence of classes. Text comparisons are case-insensitive substring matches; name and title
 * ordering is by code point (so every adapter sorts alike).
 */
export interface ClassroomRepository {
  /** The class with `id` (active or not), or null. */
  findById(id: number): Promise<ClassRoom | null>;
  /** Stores a new class and returns it with its assigned id. */
  create(room: NewClassRoom): Promise<ClassRoom>;
  /** Replaces every mutable field of an existing class. */
  update(room: ClassRoom): Promise<void>;
  /** Active classes matching `search`, one page. */
  search(search: ClassSearch, page: PageRequest): Promise<PageOf<ClassListing>>;
  /** Classes taught by `instructorId`, active or not, newest first (createdAt, then id, descending). */
  taughtBy(instructorId: number, page: PageRequest): Promise<PageOf<ClassListing>>;
}
