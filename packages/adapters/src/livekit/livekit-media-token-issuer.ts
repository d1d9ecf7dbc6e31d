import { isMediaSource, type Clock, type MediaGrants, type MediaTokenIssuer, type MediaTokenRequest } from '@sooscode/domain';
import type { LiveKitCredentials } from './livekit-credentials';
import { LiveKitJwtSigner } from './livekit-jwt-signer';

/**
 * `MediaTokenIssuer` producing LiveKit access tokens for clients.
 *
 * The token is a JWT with header `{"alg":"HS256","typ":"JWT"}` and the claims `iss` (API key),
 * `sub` (identity), `name`, `metadata` (a JSON string), `nbf` (now, from the injected clock)
 * and `exp` (`nbf` + ttl), and a `video` grant naming the room. The grant is copied field by
 * field from `MediaGrants`, so nothing else — in particular no admin grant — can reach it.
 *
 * It signs with `jose` rather than the SDK's `AccessToken`, which omits the `typ` header
 * the contract fixes, reads the system clock, and falls back to environment variables when a
 * key is empty. LiveKit's `TokenVerifier` accepts these tokens (see the adapter tests).
 */
export class LiveKitMediaTokenIssuer implements MediaTokenIssuer {
  readonly #signer: LiveKitJwtSigner;
  readonly #clock: Clock;

  /** Throws when the key or secret is empty. */
  constructor(credentials: LiveKitCredentials, clock: Clock) {
    this.#signer = new LiveKitJwtSigner(credentials);
    this.#clock = clock;
  }

  /** Throws a `RangeError` on an empty room or identity, a bad ttl or a bad source list. */
  async issue(request: MediaTokenRequest): Promise<string> {
    if (request.room === '') throw new RangeError('room must not be empty');
    if (request.identity === '') throw new RangeError('identity must not be empty');
    const claims = { name: request.name, metadata: request.metadata, video: videoGrantOf(request.room, request.grants) };
    return this.#signer.sign(claims, request.identity, this.#clock.now(), request.ttlS);
  }
}

/** The `video` claim: LiveKit's grant names, in the contract's order. */
function videoGrantOf(room: string, grants: MediaGrants): Record<string, unknown> {
  const sources = grants.canPublishSources;
  if (sources !== undefined) {
    // LiveKit reads an empty list as "all sources", the opposite of what an empty list means here.
    if (sources.length === 0) throw new RangeError('canPublishSources must not be empty when present');
    if (!sources.every((s) => isMediaSource(s))) throw new RangeError('canPublishSources holds an unknown source');
  }
  return {
    room,
    roomJoin: grants.roomJoin,
    canSubscribe: grants.canSubscribe,
    canPublish: grants.canPublish,
    ...(sources === undefined ? {} : { canPublishSources: [...sources] }),
    canPublishData: grants.canPublishData,
    canUpdateOwnMetadata: grants.canUpdateOwnMetadata,
  };
}
