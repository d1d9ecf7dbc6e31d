import type { Result } from '../../shared/result';

/** Options of a room the API opens. */
export interface MediaRoomOptions {
  /** Seconds LiveKit keeps the room open while nobody is in it (`LIVEKIT_ROOM_EMPTY_TIMEOUT_S`). */
  readonly emptyTimeoutS: number;
  /** Most participants at once; `0` means no limit (`LIVEKIT_ROOM_MAX_PARTICIPANTS`). */
  readonly maxParticipants: number;
}

/** A participant currently in a room. */
export interface MediaParticipant {
  /** Participant identity, e.g. `"user-7"`. */
  readonly identity: string;
  /** Whether the participant publishes at least one track (`false` when LiveKit omits it). */
  readonly publisher: boolean;
}

/**
 * LiveKit's Room API as the API uses it. Room names are class ids in decimal.
 *
 * Every method answers within the configured upstream timeout (`LIVEKIT_HTTP_TIMEOUT_MS`).
 * An unreachable server, a timeout, a refused credential or any upstream error that a method
 * does not absorb comes back as a `LIVEKIT_002` error; nothing is retried.
 */
export interface MediaRoomGateway {
  /** Opens room `name`. A room that already exists is kept as it is and counts as success. */
  createRoom(name: string, options: MediaRoomOptions): Promise<Result<void>>;
  /** Closes room `name`, disconnecting everyone. A room that does not exist counts as success. */
  deleteRoom(name: string): Promise<Result<void>>;
  /** The participants in `room`; a room that does not exist has none. */
  listParticipants(room: string): Promise<Result<MediaParticipant[]>>;
  /**
   * Every open room as LiveKit describes it (protojson `Room` objects: camelCase fields,
   * int64 values as strings), passed through for admin display.
   */
  listRooms(): Promise<Result<unknown[]>>;
  /** Disconnects `identity` from `room`. A missing room or participant counts as success. */
  removeParticipant(room: string, identity: string): Promise<Result<void>>;
  /** Mutes (`muted = true`) or unmutes a track that `identity` publishes in `room`. */
  mutePublishedTrack(room: string, identity: string, trackSid: string, muted: boolean): Promise<Result<void>>;
}
