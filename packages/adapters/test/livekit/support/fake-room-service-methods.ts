import {
  participantJson,
  roomJson,
  trackJson,
  type FakeParticipant,
  type FakeRoom,
} from './fake-room-state';
import { success, twirpError, type TwirpAnswer } from './twirp-answer';

type Json = Record<string, unknown>;

/** The `video` grant of a verified server token. */
export type VideoClaim = Record<string, unknown>;

/** One RoomService method of the fake: the grant it needs and what it does. */
export interface FakeMethod {
  /** Whether `video` allows the call on `body`, as LiveKit's permission checks decide. */
  allowed(video: VideoClaim, body: Json): boolean;
  /** Runs the call against `rooms`. */
  run(rooms: Map<string, FakeRoom>, body: Json, nextSid: (prefix: string) => string): TwirpAnswer;
}

const canCreate = (v: VideoClaim): boolean => v.roomCreate === true;
const canAdminRoom = (v: VideoClaim, body: Json): boolean =>
  v.roomAdmin === true && typeof v.room === 'string' && v.room === body.room;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function count(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0;
}

function participantIn(rooms: Map<string, FakeRoom>, body: Json): FakeParticipant | TwirpAnswer {
  const room = rooms.get(text(body.room));
  if (!room) return twirpError('not_found', 'requested room does not exist');
  const participant = room.participants.get(text(body.identity));
  return participant ?? twirpError('not_found', 'participant not found');
}

/** The RoomService methods the fake serves, by Twirp method name. */
export const FAKE_METHODS: Readonly<Record<string, FakeMethod>> = {
  CreateRoom: {
    allowed: canCreate,
    run(rooms, body, nextSid) {
      const name = text(body.name);
      if (name === '') return twirpError('invalid_argument', 'room name is required');
      const existing = rooms.get(name);
      // Like LiveKit: creating an existing room answers that room unchanged.
      if (existing) return success(roomJson(existing));
      const room: FakeRoom = {
        sid: nextSid('RM_'),
        name,
        emptyTimeout: count(body.emptyTimeout),
        maxParticipants: count(body.maxParticipants),
        creationTimeMs: Date.now(),
        metadata: text(body.metadata),
        participants: new Map(),
      };
      rooms.set(name, room);
      return success(roomJson(room));
    },
  },
  DeleteRoom: {
    allowed: canCreate,
    run(rooms, body) {
      if (!rooms.delete(text(body.room))) return twirpError('not_found', 'requested room does not exist');
      return success();
    },
  },
  ListRooms: {
    allowed: (v) => v.roomList === true,
    run(rooms, body) {
      const names = Array.isArray(body.names) ? body.names : [];
      const listed = [...rooms.values()].filter((r) => names.length === 0 || names.includes(r.name));
      return success(listed.length === 0 ? {} : { rooms: listed.map(roomJson) });
    },
  },
  ListParticipants: {
    allowed: canAdminRoom,
    run(rooms, body) {
      const room = rooms.get(text(body.room));
      if (!room) return twirpError('not_found', 'requested room does not exist');
      const participants = [...room.participants.values()].map(participantJson);
      return success(participants.length === 0 ? {} : { participants });
    },
  },
  RemoveParticipant: {
    allowed: canAdminRoom,
    run(rooms, body) {
      const found = participantIn(rooms, body);
      if ('status' in found) return found;
      rooms.get(text(body.room))?.participants.delete(found.identity);
      return success();
    },
  },
  MutePublishedTrack: {
    allowed: canAdminRoom,
    run(rooms, body) {
      const found = participantIn(rooms, body);
      if ('status' in found) return found;
      const track = found.tracks.find((t) => t.sid === text(body.trackSid));
      if (!track) return twirpError('not_found', 'track not found');
      track.muted = body.muted === true;
      return success({ track: trackJson(track) });
    },
  },
};
