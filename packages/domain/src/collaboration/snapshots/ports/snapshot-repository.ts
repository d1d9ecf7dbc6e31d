import type { PageOf, PageRequest, SortDirection } from '../../../classroom/paging';
import type { NewSnapshot, Snapshot, SnapshotLanguage } from '../snapshot';

/** Order of a snapshot listing; ties are broken by id in the same direction. */
export interface SnapshotOrder {
  readonly field: 'createdAt' | 'updatedAt';
  readonly direction: SortDirection;
}

/** The default order of every snapshot listing: newest first. */
export const NEWEST_FIRST: SnapshotOrder = { field: 'createdAt', direction: 'DESC' };

/** Filters of a snapshot listing; always scoped to one owner and one class. */
export interface SnapshotFilter {
  readonly userId: number;
  readonly classId: number;
  /** Case-insensitive substring of the title. */
  readonly titleContains?: string;
  /** Case-sensitive substring of the content. */
  readonly contentContains?: string;
  readonly language?: SnapshotLanguage;
  /** `createdAt` within [from, to], both inclusive. */
  readonly createdFrom?: Date;
  readonly createdTo?: Date;
}

/** Persistence of code snapshots. */
export interface SnapshotRepository {
  /** Stores a new snapshot and returns it with its assigned id. */
  create(snapshot: NewSnapshot): Promise<Snapshot>;
  /** The snapshot with `id`, whoever owns it, or null. */
  findById(id: number): Promise<Snapshot | null>;
  /** Replaces title, content and updatedAt of an existing snapshot. */
  update(snapshot: Snapshot): Promise<void>;
  /** Deletes snapshot `id` if it belongs to (userId, classId); false when nothing matched. */
  deleteOwned(userId: number, classId: number, id: number): Promise<boolean>;
  /** Snapshots matching `filter` in `order`; every match when `page` is absent. */
  find(filter: SnapshotFilter, order: SnapshotOrder, page?: PageRequest): Promise<PageOf<Snapshot>>;
}
