/**
 * The track sources a LiveKit participant can be allowed to publish, with the exact spelling
 * of the `video.canPublishSources` token claim.
 */
export const MEDIA_SOURCES = ['camera', 'microphone', 'screen_share', 'screen_share_audio'] as const;

/** One publishable track source (see {@link MEDIA_SOURCES}). */
export type MediaSource = (typeof MEDIA_SOURCES)[number];

/** Whether `value` is one of the {@link MEDIA_SOURCES}. */
export function isMediaSource(value: string): value is MediaSource {
  return (MEDIA_SOURCES as readonly string[]).includes(value);
}

/**
 * What a participant may do in the one room its token names. This is the whole vocabulary
 * the API grants: administrative grants (`roomAdmin`, `roomCreate`, `roomList`,
 * `roomRecord`, `hidden`, `recorder`) cannot be expressed, so no client token can carry them.
 */
export interface MediaGrants {
  /** May join the room. */
  readonly roomJoin: boolean;
  /** May subscribe to the tracks of others. */
  readonly canSubscribe: boolean;
  /** May publish tracks (restricted to `canPublishSources` when that is present). */
  readonly canPublish: boolean;
  /**
   * The only sources that may be published. Omitted means every source. When present it
   * must not be empty: LiveKit reads an empty list as "every source".
   */
  readonly canPublishSources?: readonly MediaSource[];
  /** May send data messages. */
  readonly canPublishData: boolean;
  /** May rewrite its own name, metadata and attributes from the client. */
  readonly canUpdateOwnMetadata: boolean;
}
