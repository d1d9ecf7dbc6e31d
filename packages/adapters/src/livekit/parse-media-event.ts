import type { MediaEvent, MediaEventParticipant, MediaEventRoom, MediaEventTrack } from '@sooscode/domain';

type JsonObject = Record<string, unknown>;

/** Unix seconds as LiveKit writes int64 in protojson (a decimal string), or as a plain number. */
const UNIX_SECONDS = /^[0-9]{1,15}$/;

/**
 * Reads a LiveKit webhook body (already verified and known to be a JSON object) into a
 * `MediaEvent`. Lenient: unknown fields are ignored, and a field of the wrong type reads as
 * absent (`''` or `null`) instead of failing, so a newer LiveKit cannot break the endpoint.
 */
export function parseMediaEvent(body: JsonObject): MediaEvent {
  return {
    event: stringOr(body.event, ''),
    id: stringOr(body.id, ''),
    createdAtS: unixSecondsOf(body.createdAt),
    room: roomOf(body.room),
    participant: participantOf(body.participant),
    track: trackOf(body.track),
  };
}

function roomOf(value: unknown): MediaEventRoom | null {
  if (!isObject(value) || typeof value.name !== 'string') return null;
  return { name: value.name, sid: stringOr(value.sid, '') };
}

function participantOf(value: unknown): MediaEventParticipant | null {
  if (!isObject(value) || typeof value.identity !== 'string') return null;
  return { identity: value.identity, sid: stringOr(value.sid, '') };
}

function trackOf(value: unknown): MediaEventTrack | null {
  if (!isObject(value) || typeof value.sid !== 'string') return null;
  return { sid: value.sid, type: stringOr(value.type, null), source: stringOr(value.source, null) };
}

function unixSecondsOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && UNIX_SECONDS.test(value)) return Number(value);
  return null;
}

function stringOr<T extends string | null>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' ? value : fallback;
}

/** Whether `value` is a JSON object (not an array or `null`). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
