import type { Caller, ClassAccess } from '../../../classroom/class-access';
import type { PageOf, PageRequest } from '../../../classroom/paging';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { NEWEST_FIRST, type SnapshotOrder, type SnapshotRepository } from '../ports/snapshot-repository';
import type { Snapshot, SnapshotLanguage } from '../snapshot';
import { parseSnapshotLanguage } from '../snapshot';
import { snapshotPeriodOf, type SnapshotDates } from '../snapshot-period';

/** One snapshot listing request (every read variant of http.md §6 is a combination of these). */
export interface FindSnapshotsInput {
  readonly classId: number;
  readonly titleContains?: string;
  readonly contentContains?: string;
  /** Raw language name; an unknown one is `SNAPSHOT_012`. */
  readonly language?: string;
  /** A missing language is `SNAPSHOT_012` too. */
  readonly languageRequired?: boolean;
  readonly dates?: SnapshotDates;
  /** Without `day` or both bounds → `SNAPSHOT_011`; otherwise an incomplete filter is ignored. */
  readonly datesRequired?: boolean;
  /** Unknown class → `CLASS_001` (only `read/title/language/date` checks it). */
  readonly classMustExist?: boolean;
  /** An empty result → `SNAPSHOT_007` (kept from the original on some list endpoints). */
  readonly emptyIsError?: boolean;
  readonly order?: SnapshotOrder;
  /** Absent: every match. */
  readonly page?: PageRequest;
}

/**
 * Lists the caller's own snapshots of one class (http.md §6). Checks in order: class (when asked),
 * language, dates, then the empty-result rule. Default order: createdAt descending, then id descending.
 */
export class FindSnapshots {
  constructor(
    private readonly snapshots: SnapshotRepository,
    private readonly access: ClassAccess,
    private readonly timeZone: string,
  ) {}

  async execute(input: FindSnapshotsInput, caller: Caller): Promise<Result<PageOf<Snapshot>, DomainError>> {
    if (input.classMustExist) {
      const room = await this.access.find(input.classId);
      if (!room.ok) return room;
    }
    let language: SnapshotLanguage | undefined;
    if (input.language !== undefined || input.languageRequired) {
      const parsed = parseSnapshotLanguage(input.language);
      if (!parsed) return err(domainError('SNAPSHOT_012'));
      language = parsed;
    }
    const period = snapshotPeriodOf(input.dates ?? {}, this.timeZone, input.datesRequired ?? false);
    if (!period.ok) return period;
    const found = await this.snapshots.find(
      {
        userId: caller.userId,
        classId: input.classId,
        ...(input.titleContains !== undefined ? { titleContains: input.titleContains } : {}),
        ...(input.contentContains !== undefined ? { contentContains: input.contentContains } : {}),
        ...(language ? { language } : {}),
        ...(period.value ? { createdFrom: period.value.from, createdTo: period.value.to } : {}),
      },
      input.order ?? NEWEST_FIRST,
      input.page,
    );
    if (input.emptyIsError && found.total === 0) return err(domainError('SNAPSHOT_007'));
    return ok(found);
  }
}
