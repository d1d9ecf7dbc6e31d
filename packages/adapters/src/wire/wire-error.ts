import type { DetailReasonKind, FieldDetail } from '@sooscode/domain';
import type { WireCode } from './wire-code';

/**
 * A failure as a transport reports it: a domain error, or a transport-only failure such as
 * `GLOBAL_413`. Every `DomainError` is a `WireError`.
 */
export interface WireError {
  readonly code: WireCode;
  readonly field?: string;
  readonly reason?: DetailReasonKind;
  /** Whole seconds, at least 1, on rate-limit failures. */
  readonly retryAfterS?: number;
}

/** Builds a wire error; `detail` names the refused input (`GLOBAL_410`/`411` only). */
export function wireError(code: WireCode, detail?: FieldDetail): WireError {
  return { code, ...(detail === undefined ? {} : { field: detail.field, reason: detail.reason }) };
}
