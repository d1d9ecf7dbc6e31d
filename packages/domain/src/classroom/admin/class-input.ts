import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import { secondsOfDay } from '../local-values';

/**
 * The fields of an admin class create/edit, already type- and format-checked by the transport
 * (`GLOBAL_410` there): dates are valid LocalDates, times canonical `HH:mm:ss`. Absent means missing.
 */
export interface ClassInput {
  readonly title?: string;
  readonly description?: string;
  readonly instructorId?: number;
  readonly isOnline?: boolean;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly startTime?: string;
  readonly endTime?: string;
}

/** A class input that passed {@link checkClassInput}; `title` is trimmed. */
export interface ValidClassInput {
  readonly title: string;
  readonly description: string | null;
  readonly instructorId: number;
  readonly online: boolean;
  readonly startDate: string;
  readonly endDate: string;
  readonly startTime: string;
  readonly endTime: string;
}

/**
 * Class validation of http.md §11, in its fixed order (steps 1–13). `today` (LocalDate in
 * APP_TIME_ZONE) is given on create only, where a start date before today is refused.
 */
export function checkClassInput(input: ClassInput, today: string | null): DomainError | ValidClassInput {
  const title = (input.title ?? '').trim();
  if (title === '') return domainError('VALID_CLA_001');
  if (title.length > 255) return domainError('VALID_CLA_003');
  if (input.description !== undefined && input.description.length > 1000) return domainError('VALID_CLA_004');
  if (input.instructorId === undefined || input.instructorId <= 0) return domainError('VALID_CLA_031');
  if (input.isOnline === undefined) return domainError('VALID_CLA_030');
  const { startDate, endDate, startTime, endTime } = input;
  if (startDate === undefined) return domainError('VALID_CLA_010');
  if (endDate === undefined) return domainError('VALID_CLA_011');
  if (today !== null && startDate < today) return domainError('VALID_CLA_012');
  if (endDate < startDate) return domainError('VALID_CLA_013');
  if (startTime === undefined) return domainError('VALID_CLA_020');
  if (endTime === undefined) return domainError('VALID_CLA_021');
  const durationS = secondsOfDay(endTime) - secondsOfDay(startTime);
  if (durationS <= 0) return domainError('VALID_CLA_022');
  if (durationS < 30 * 60) return domainError('VALID_CLA_023');
  if (Math.floor(durationS / 3600) > 20) return domainError('VALID_CLA_024');
  return {
    title,
    description: input.description ?? null,
    instructorId: input.instructorId,
    online: input.isOnline,
    startDate,
    endDate,
    startTime,
    endTime,
  };
}

/** True when {@link checkClassInput} refused the input. */
export function isClassInputError(v: DomainError | ValidClassInput): v is DomainError {
  return 'code' in v;
}
