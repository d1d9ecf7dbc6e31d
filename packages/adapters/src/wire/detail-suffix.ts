import { REASON_PHRASES } from './reason-phrases';
import { WIRE_MESSAGES } from './wire-messages';
import type { WireError } from './wire-error';

/** Codes whose message carries the ` - <detail>` suffix (status-codes.md rule 3). */
const DETAILED: ReadonlySet<string> = new Set(['GLOBAL_410', 'GLOBAL_411']);

/**
 * The detail text of a refused input, `<field>: <Korean reason>` (e.g. `content: 필수 값입니다`),
 * or `undefined` when the error names no input or its code carries no detail.
 */
export function renderDetail(error: Pick<WireError, 'code' | 'field' | 'reason'>): string | undefined {
  if (error.field === undefined || error.reason === undefined || !DETAILED.has(error.code)) return undefined;
  return `${error.field}: ${REASON_PHRASES[error.reason]}`;
}

/** The Korean message of `error`'s code, with ` - <detail>` appended when {@link renderDetail} gives one. */
export function messageWithDetail(error: Pick<WireError, 'code' | 'field' | 'reason'>): string {
  const detail = renderDetail(error);
  return detail === undefined ? WIRE_MESSAGES[error.code] : `${WIRE_MESSAGES[error.code]} - ${detail}`;
}
