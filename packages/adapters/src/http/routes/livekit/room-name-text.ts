import type { RoomNameText } from '@sooscode/domain';

/** The room-naming fields of a video request body (livekit.md §1, §3). */
export interface VideoRoomBody {
  /** A string, or a JSON number, naming the room. `undefined` and `null` mean absent. */
  readonly roomName?: unknown;
  /** Used only when `roomName` is absent (an unused client hook sends `{classId}`). */
  readonly classId?: unknown;
}

/**
 * The decimal text of a JSON room name: a string as it is, a finite JSON number in decimal;
 * anything else (absent, `null`, booleans, objects, arrays, NaN) is `null`, which the domain
 * refuses with `COMMON_004` in its place among the contract's checks.
 */
export function roomNameText(value: unknown): RoomNameText {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/** The value that names the room: `roomName` when present (not `undefined`/`null`), else `classId`. */
export function requestedRoomOf(body: VideoRoomBody): unknown {
  return body.roomName === undefined || body.roomName === null ? body.classId : body.roomName;
}

/** The room a JSON body names, as text for the domain: {@link requestedRoomOf}, then {@link roomNameText}. */
export function roomNameOfBody(body: VideoRoomBody): RoomNameText {
  return roomNameText(requestedRoomOf(body));
}
