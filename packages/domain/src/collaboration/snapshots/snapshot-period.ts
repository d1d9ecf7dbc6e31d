import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { instantOf } from '../../shared/wall-clock';

/** A creation-time range, both ends inclusive. */
export interface SnapshotPeriod {
  readonly from: Date;
  readonly to: Date;
}

/** The date filter parameters as sent (valid LocalDates, or absent). */
export interface SnapshotDates {
  readonly day?: string;
  readonly startDate?: string;
  readonly endDate?: string;
}

/**
 * The period of a date filter in `timeZone` (http.md §6): `day` is 00:00:00.000–23:59:59.999 of that
 * date and wins over the bounds; otherwise both `startDate` and `endDate` are needed (start of the first
 * day to the end of the last). Without a usable filter: `SNAPSHOT_011` when `required`, else null.
 */
export function snapshotPeriodOf(dates: SnapshotDates, timeZone: string, required: boolean): Result<SnapshotPeriod | null, DomainError> {
  const first = dates.day ?? (dates.startDate !== undefined && dates.endDate !== undefined ? dates.startDate : undefined);
  const last = dates.day ?? (first !== undefined ? dates.endDate : undefined);
  if (first === undefined || last === undefined) return required ? err(domainError('SNAPSHOT_011')) : ok(null);
  return ok({ from: instantOf(first, '00:00:00', timeZone), to: instantOf(last, '23:59:59.999', timeZone) });
}
