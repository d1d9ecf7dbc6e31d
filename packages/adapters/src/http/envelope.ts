import type { DomainError, ErrorCode } from '@sooscode/domain';
import { STATUS_CODES } from './status-codes';

/** The response envelope of http.md §1.2, with its fixed field order. `data` is omitted when null/undefined. */
export interface Envelope {
  success: boolean;
  status: number;
  code: ErrorCode;
  message: string;
  data?: unknown;
}

/** Builds the envelope for `code`; `detail` is appended as ` - <detail>` (GLOBAL_410/411 only). */
export function envelope(code: ErrorCode, data?: unknown, detail?: string): Envelope {
  const { status, message } = STATUS_CODES[code];
  const body: Envelope = {
    success: status >= 200 && status < 300,
    status,
    code,
    message: detail ? `${message} - ${detail}` : message,
  };
  if (data !== undefined && data !== null) body.data = data;
  return body;
}

/** The error envelope of a domain error. */
export function errorEnvelope(error: DomainError): Envelope {
  return envelope(error.code, undefined, error.detail);
}
