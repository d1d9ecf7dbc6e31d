import type { DetailReasonKind } from '@sooscode/domain';

/** The fixed Korean phrase of each refusal reason (status-codes.md rule 3). */
export const REASON_PHRASES: Readonly<Record<DetailReasonKind, string>> = {
  missing: '필수 값입니다',
  format: '형식이 올바르지 않습니다',
  notAllowed: '허용되지 않는 값입니다',
  length: '길이가 올바르지 않습니다',
};
