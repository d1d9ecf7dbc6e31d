import type { DetailReasonKind, FieldDetail } from './detail-reason';
import type { DomainErrorCode } from './error-code';

export { DetailReason, type DetailReasonKind, type FieldDetail } from './detail-reason';

/**
 * An expected failure with a stable code (e.g. `CLASS_002`).
 * `field` and `reason` are set only on `GLOBAL_410`/`GLOBAL_411`: which input was refused and why.
 * `retryAfterS` is set on rate-limit failures (whole seconds, at least 1).
 */
export interface DomainError {
  readonly code: DomainErrorCode;
  readonly field?: string;
  readonly reason?: DetailReasonKind;
  readonly retryAfterS?: number;
}

/** Builds a domain error; `detail` names the refused input (`GLOBAL_410`/`411` only). */
export function domainError(code: DomainErrorCode, detail?: FieldDetail, retryAfterS?: number): DomainError {
  return {
    code,
    ...(detail === undefined ? {} : { field: detail.field, reason: detail.reason }),
    ...(retryAfterS === undefined ? {} : { retryAfterS }),
  };
}

/** Builds a `GLOBAL_410` (body field) error for `field` with one of the {@link DetailReason} kinds. */
export function invalidField(field: string, reason: DetailReasonKind): DomainError {
  return domainError('GLOBAL_410', { field, reason });
}

/** Builds a `GLOBAL_411` (path or query parameter) error for `param` with one of the {@link DetailReason} kinds. */
export function invalidParam(param: string, reason: DetailReasonKind): DomainError {
  return domainError('GLOBAL_411', { field: param, reason });
}
