/** A published track of a fake participant. */
export interface FakeTrack {
  sid: string;
  /** `AUDIO` or `VIDEO`, as protojson names the enum. */
  type: 'AUDIO' | 'VIDEO';
  /** `CAMERA`, `MICROPHONE`, `SCREEN_SHARE` or `SCREEN_SHARE_AUDIO`. */
  source: 'CAMERA' | 'MICROPHONE' | 'SCREEN_SHARE' | 'SCREEN_SHARE_AUDIO';
  muted: boolean;
}

/** A participant of a fake room. */
export interface FakeParticipant {
  sid: string;
  identity: string;
  name: string;
  metadata: string;
  isPublisher: boolean;
  joinedAtS: number;
  tracks: FakeTrack[];
}

/** A room of the fake. */
export interface FakeRoom {
  sid: string;
  name: string;
  emptyTimeout: number;
  maxParticipants: number;
  creationTimeMs: number;
  metadata: string;
  participants: Map<string, FakeParticipant>;
}

type Json = Record<string, unknown>;

/** Drops the entries protojson leaves out with "skip defaults": `0`, `''`, `false`, `[]`. */
function withoutDefaults(value: Json): Json {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, v]) => v !== 0 && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0) && v !== undefined,
    ),
  );
}

/** A room as LiveKit's protojson writes it: camelCase, int64 as decimal strings, defaults skipped. */
export function roomJson(room: FakeRoom): Json {
  const participants = [...room.participants.values()];
  return withoutDefaults({
    sid: room.sid,
    name: room.name,
    emptyTimeout: room.emptyTimeout,
    maxParticipants: room.maxParticipants,
    creationTime: String(Math.floor(room.creationTimeMs / 1000)),
    creationTimeMs: String(room.creationTimeMs),
    enabledCodecs: [{ mime: 'audio/opus' }, { mime: 'video/VP8' }],
    metadata: room.metadata,
    numParticipants: participants.length,
    numPublishers: participants.filter((p) => p.isPublisher).length,
  });
}

/** A track as protojson writes it. */
export function trackJson(track: FakeTrack): Json {
  return withoutDefaults({ sid: track.sid, type: track.type, source: track.source, muted: track.muted });
}

/** A participant as protojson writes it. */
export function participantJson(p: FakeParticipant): Json {
  return withoutDefaults({
    sid: p.sid,
    identity: p.identity,
    state: 'ACTIVE',
    tracks: p.tracks.map(trackJson),
    metadata: p.metadata,
    joinedAt: String(p.joinedAtS),
    name: p.name,
    permission: { canSubscribe: true, canPublish: true, canPublishData: true },
    isPublisher: p.isPublisher,
  });
}
