import type { MediaGrants } from '../media-grants';

/** What a video access token says about its bearer. */
export interface MediaTokenRequest {
  /** The one room the token opens: the class id in decimal, e.g. `"1"`. */
  readonly room: string;
  /** Participant identity, `"user-<userId>"` (see `mediaIdentityOf`). */
  readonly identity: string;
  /** Display name shown to other participants. */
  readonly name: string;
  /** Participant metadata, a JSON string (see `mediaMetadataOf`). */
  readonly metadata: string;
  /** What the participant may do in `room`. */
  readonly grants: MediaGrants;
  /** Lifetime in seconds, a positive integer (`LIVEKIT_TOKEN_TTL_S`, default 3600). */
  readonly ttlS: number;
}

/**
 * Signs LiveKit access tokens for clients. Each call returns a fresh token; nothing is
 * stored. A malformed request (empty room or identity, non-positive ttl) is a bug and throws.
 */
export interface MediaTokenIssuer {
  /** The signed token (a compact JWT) for `request`. */
  issue(request: MediaTokenRequest): Promise<string>;
}
