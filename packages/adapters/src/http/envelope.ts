import { messageWithDetail, type WireCode, type WireError } from '../wire';
import { STATUS_CODES } from './status-codes';

/** The response envelope of http.md §1.2, with its fixed field order. `data` is omitted when null/undefined. */
export interface Envelope {
  success: boolean;
  status: number;
  code: WireCode;
  message: string;
  data?: unknown;
}

/** Builds the envelope for `code`, or for a failure whose refused input is appended as ` - <field>: <reason>` (GLOBAL_410/411 only). */
export function envelope(code: WireCode | WireError, data?: unknown): Envelope {
  const error = typeof code === 'string' ? { code } : code;
  const { status } = STATUS_CODES[error.code];
  const body: Envelope = {
    success: status >= 200 && status < 300,
    status,
    code: error.code,
    message: messageWithDetail(error),
  };
  if (data !== undefined && data !== null) body.data = data;
  return body;
}
