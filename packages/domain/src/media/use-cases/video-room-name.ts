import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

/** A room name as clients send it: the class id in decimal, no sign, no leading zero, at most 16 digits. */
export const VIDEO_ROOM_NAME = /^[1-9][0-9]{0,15}$/;

/** The room-naming fields of a video request body (`roomName`, else `classId`). */
export interface VideoRoomRequest {
  /** A string, or a JSON number, naming the room. `undefined` and `null` mean absent. */
  readonly roomName?: unknown;
  /** Used only when `roomName` is absent (an unused client hook sends `{classId}`). */
  readonly classId?: unknown;
}

/** The value that names the room: `roomName` when present (not `undefined`/`null`), else `classId`. */
export function requestedRoomOf(request: VideoRoomRequest): unknown {
  return request.roomName === undefined || request.roomName === null ? request.classId : request.roomName;
}

/**
 * The class id a room name designates (livekit.md §1, §3).
 *
 * A string or a finite JSON number is read as its decimal text, which must match
 * {@link VIDEO_ROOM_NAME}; anything else is `COMMON_004`. A well-formed name above 2^53−1 cannot
 * be the id of any class and is `CLASS_001` (it is never rounded onto a real id).
 */
export function classIdOfRoomName(value: unknown): Result<number> {
  const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
  if (text === null || !VIDEO_ROOM_NAME.test(text)) return err(domainError('COMMON_004'));
  const classId = Number(text);
  return Number.isSafeInteger(classId) ? ok(classId) : err(domainError('CLASS_001'));
}

/** The room name of a class: its id in decimal (`"1"`). One class is one room. */
export function roomNameOf(classId: number): string {
  return String(classId);
}
