/** The room a LiveKit webhook event is about. */
export interface MediaEventRoom {
  /** Room name: the class id in decimal for the rooms this API opens. */
  readonly name: string;
  /** LiveKit's room session id (`RM_…`); `''` when the event does not carry one. */
  readonly sid: string;
}

/** The participant a LiveKit webhook event is about. */
export interface MediaEventParticipant {
  /** Participant identity, `"user-<userId>"` for the tokens this API issues. */
  readonly identity: string;
  /** LiveKit's id of this connection (`PA_…`); `''` when the event does not carry one. */
  readonly sid: string;
}

/** The track a `track_*` webhook event is about. */
export interface MediaEventTrack {
  /** Track id (`TR_…`). */
  readonly sid: string;
  /** Track type as LiveKit names it (`"AUDIO"`, `"VIDEO"`, …), or `null` when absent. */
  readonly type: string | null;
  /** Track source as LiveKit names it (`"CAMERA"`, `"SCREEN_SHARE"`, …), or `null` when absent. */
  readonly source: string | null;
}

/**
 * A verified LiveKit webhook event, reduced to the fields the API uses. Parsing is lenient:
 * unknown fields are ignored and a malformed part reads as absent rather than failing.
 */
export interface MediaEvent {
  /** Event name, e.g. `room_started`, `participant_joined`; `''` when absent. */
  readonly event: string;
  /** Unique event id used for dedupe; `''` when absent. */
  readonly id: string;
  /** When LiveKit created the event, in unix seconds; `null` when absent or not an integer. */
  readonly createdAtS: number | null;
  /** `null` when the event carries no room with a string `name`. */
  readonly room: MediaEventRoom | null;
  /** `null` when the event carries no participant with a string `identity`. */
  readonly participant: MediaEventParticipant | null;
  /**
   * The track of `track_*` events; `null` (or omitted by hand-built events) when the event
   * carries no track with a string `sid`. The webhook verifier always sets it.
   */
  readonly track?: MediaEventTrack | null;
}
