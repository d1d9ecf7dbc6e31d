import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

/** A room name as clients send it: the class id in decimal, no sign, no leading zero, at most 16 digits. */
export const VIDEO_ROOM_NAME = /^[1-9][0-9]{0,15}$/;

/**
 * A room name as a request names it: its decimal text, or `null` when the request named no room or
 * named it with something that has no decimal text (the transport decides which values have one).
 */
export type RoomNameText = string | null;

/**
 * The class id a room name designates (livekit.md §1, §3).
 *
 * The text must match {@link VIDEO_ROOM_NAME}; anything else, `null` included, is `COMMON_004`.
 * A well-formed name above 2^53−1 cannot be the id of any class and is `CLASS_001` (it is never
 * rounded onto a real id).
 */
export function classIdOfRoomName(text: RoomNameText): Result<number> {
  if (text === null || !VIDEO_ROOM_NAME.test(text)) return err(domainError('COMMON_004'));
  const classId = Number(text);
  return Number.isSafeInteger(classId) ? ok(classId) : err(domainError('CLASS_001'));
}

/** The room name of a class: its id in decimal (`"1"`). One class is one room. */
export function roomNameOf(classId: number): string {
  return String(classId);
}
