import type { ErrorCode } from '@sooscode/domain';
import { STATUS_CODES } from '../http/status-codes';
import type { AppError } from './stomp-application';

/** WebSocket close codes used by the STOMP engine (stomp.md §6.2; 4408 mirrors HTTP 408). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  policyViolation: 1008,
  tooLarge: 1009,
  internalError: 1011,
  timeout: 4408,
} as const;

/** The close code that follows an ERROR frame with `code`. */
export function closeCodeForError(code: ErrorCode): number {
  switch (code) {
    case 'GLOBAL_400':
      return CloseCode.protocolError;
    case 'GLOBAL_413':
      return CloseCode.tooLarge;
    case 'GLOBAL_500':
      return CloseCode.internalError;
    default:
      return CloseCode.policyViolation;
  }
}

/** The body of an ERROR frame: the error envelope without `data`. */
export function errorFrameBody(code: ErrorCode): string {
  const { status, message } = STATUS_CODES[code];
  return JSON.stringify({ success: false, status, code, message });
}

/** Codes whose message carries the `" - <detail>"` suffix (status-codes.md rule 3). */
const DETAILED = new Set<ErrorCode>(['GLOBAL_410', 'GLOBAL_411']);

/** The body of an `ErrorMessage` sent to `/user/queue/errors` (stomp.md §5.3, §6.1). */
export function errorMessageBody(error: AppError, command: 'SEND' | 'SUBSCRIBE', destination: string): string {
  const { status, message } = STATUS_CODES[error.code];
  const text = error.detail && DETAILED.has(error.code) ? `${message} - ${error.detail}` : message;
  return JSON.stringify({ success: false, status, code: error.code, message: text, data: { command, destination } });
}
