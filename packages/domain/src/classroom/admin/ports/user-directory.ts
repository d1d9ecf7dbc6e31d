import type { Role, User, UserStatus } from '../../../identity/user';
import type { PageOf, PageRequest, SortDirection } from '../../paging';

/** Fields the admin user list may be sorted by. */
export type UserSortField = 'name' | 'email' | 'createdAt';

/** Criteria of the admin user search (http.md §10). Absent filters do not apply. */
export interface UserSearch {
  /** Case-insensitive substring of the email or the name. */
  readonly keyword?: string;
  readonly role?: Role;
  readonly status?: UserStatus;
  /** `createdAt ≥ createdFrom`. */
  readonly createdFrom?: Date;
  /** `createdAt ≤ createdTo` (inclusive). */
  readonly createdTo?: Date;
  readonly sortBy: UserSortField;
  /** Ties are broken by id in the same direction. */
  readonly direction: SortDirection;
}

/** A short user entry of the admin pickers. */
export interface UserSummary {
  readonly userId: number;
  readonly name: string;
  readonly email: string;
}

/**
 * Read-only admin views over accounts, kept apart from `UserRepository`. ADMIN accounts are never
 * returned. Names sort by code point; keyword matches are case-insensitive substrings.
 */
export interface UserDirectory {
  /** Non-admin users matching `search`, one page. */
  search(search: UserSearch, page: PageRequest): Promise<PageOf<User>>;
  /**
   * Every non-admin user matching `search`, in its order, as batches of at most `batchSize` (≥ 1) read
   * from one consistent snapshot (rows added meanwhile are not seen), for exports of any size with flat
   * memory. Resources (a database cursor and its connection) are held until the iteration ends: consume
   * it to the end, or leave the `for await` early (which returns the iterator and frees them).
   */
  batches(search: UserSearch, batchSize: number): AsyncIterable<User[]>;
  /** ACTIVE instructors whose name or email contains `keyword`, name ascending (then id). */
  activeInstructors(keyword?: string): Promise<UserSummary[]>;
  /** ACTIVE students not enrolled in `classId` whose name or email contains `keyword`, name ascending (then id). */
  availableStudents(classId: number, keyword?: string): Promise<UserSummary[]>;
}
