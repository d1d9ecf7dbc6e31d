import type { Result } from '../../shared/result';
import type { MediaEvent } from '../media-event';

/**
 * Authenticates a LiveKit webhook request and reads its event.
 *
 * The `Authorization` value is LiveKit's signed JWT (a `Bearer ` prefix is tolerated). It must
 * be an HS256 token from the configured API key (`iss`), valid now within a 10 s clock
 * tolerance on `nbf`/`exp`, whose `sha256` claim is the standard Base64 SHA-256 of exactly
 * `rawBody`. Only then is the body parsed.
 */
export interface MediaWebhookVerifier {
  /**
   * The event in `rawBody` (the request bytes as received; a string is taken as its UTF-8
   * encoding).
   *
   * Fails with `LIVEKIT_001` when the header is missing or any signature, claim or body
   * hash check fails, and with `GLOBAL_400` when the authentic body is not a JSON object.
   */
  verify(rawBody: Uint8Array | string, authorization: string | undefined): Promise<Result<MediaEvent>>;
}
