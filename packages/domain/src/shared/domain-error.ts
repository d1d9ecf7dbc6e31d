import type { ErrorCode } from './error-code';

/**
 * An expected failure with a stable catalogue code (e.g. `CLASS_002`).
 * `detail` is used only by `GLOBAL_410`/`GLOBAL_411`: `<field>: <reason>`.
 * `retryAfterS` is set on rate-limit failures (whole seconds, at least 1).
 */
export interface DomainError {
  readonly code: ErrorCode;
  readonly detail?: string;
  readonly retryAfterS?: number;
}

/** The fixed reason phrases of the detail suffix (status-codes.md rule 3). */
export const DetailReason = {
  missing: '필수 값입니다',
  format: '형식이 올바르지 않습니다',
  notAllowed: '허용되지 않는 값입니다',
  length: '길이가 올바르지 않습니다',
} as const;

/** Builds a domain error. */
export function domainError(code: ErrorCode, detail?: string, retryAfterS?: number): DomainError {
  return { code, ...(detail === undefined ? {} : { detail }), ...(retryAfterS === undefined ? {} : { retryAfterS }) };
}

/** Builds a `GLOBAL_410` (body field) error for `field` with one of the fixed reasons. */
export function invalidField(field: string, reason: (typeof DetailReason)[keyof typeof DetailReason]): DomainError {
  return domainError('GLOBAL_410', `${field}: ${reason}`);
}

/** Builds a `GLOBAL_411` (path or query parameter) error for `param`. */
export function invalidParam(param: string, reason: (typeof DetailReason)[keyof typeof DetailReason]): DomainError {
  return domainError('GLOBAL_411', `${param}: ${reason}`);
}
