/**
 * Why an input field or parameter was refused (status-codes.md rule 3). The values are kinds, not
 * text: each transport renders its own phrase for them.
 */
export const DetailReason = {
  missing: 'missing',
  format: 'format',
  notAllowed: 'notAllowed',
  length: 'length',
} as const;

/** One of the {@link DetailReason} kinds. */
export type DetailReasonKind = (typeof DetailReason)[keyof typeof DetailReason];

/** Which input was refused and why; carried by `GLOBAL_410` (body field) and `GLOBAL_411` (parameter). */
export interface FieldDetail {
  /** The body field, path parameter or query parameter name as it appears on the wire. */
  readonly field: string;
  readonly reason: DetailReasonKind;
}
