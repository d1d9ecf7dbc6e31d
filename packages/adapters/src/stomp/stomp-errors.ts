import { ENVELOPE_STATUSES, messageWithDetail, WIRE_MESSAGES, type WireCode } from '../wire';
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
export function closeCodeForError(code: WireCode): number {
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
export function errorFrameBody(code: WireCode): string {
  return JSON.stringify({ success: false, status: ENVELOPE_STATUSES[code], code, message: WIRE_MESSAGES[code] });
}

/** The body of an `ErrorMessage` sent to `/user/queue/errors` (stomp.md §5.3, §6.1). */
export function errorMessageBody(error: AppError, command: 'SEND' | 'SUBSCRIBE', destination: string): string {
  const status = ENVELOPE_STATUSES[error.code];
  return JSON.stringify({ success: false, status, code: error.code, message: messageWithDetail(error), data: { command, destination } });
}
