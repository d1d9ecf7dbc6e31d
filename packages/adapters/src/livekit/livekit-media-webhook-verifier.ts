import { createHash, timingSafeEqual } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import {
  domainError,
  err,
  ok,
  type Clock,
  type MediaEvent,
  type MediaWebhookVerifier,
  type Result,
} from '@sooscode/domain';
import type { Logger } from '../system/logger';
import { hmacKeyOf, type LiveKitCredentials } from './livekit-credentials';
import { isObject, parseMediaEvent } from './parse-media-event';

/** Tolerance on `nbf` and `exp` of webhook tokens, in seconds. */
export const WEBHOOK_CLOCK_TOLERANCE_S = 10;

const BEARER = /^Bearer\s+/i;

/**
 * `MediaWebhookVerifier` for LiveKit webhooks.
 *
 * Checks, in order: an `Authorization` value is present (the raw JWT; a `Bearer ` prefix is
 * stripped); it is an HS256 JWT (no other `alg`, `none` included) signed with the API secret,
 * `iss` = the API key, `exp` present, `nbf`/`exp` valid at the injected clock's time within
 * 10 s; its `sha256` claim equals the standard padded Base64 SHA-256 of the exact body bytes
 * (compared in constant time). Any failure is `LIVEKIT_001`, with the reason logged at debug
 * level (never the token). Only an authentic body is parsed; if it is not a UTF-8 JSON object
 * the result is `GLOBAL_400`.
 *
 * The SDK's `WebhookReceiver` is not used: it accepts any HMAC `alg`, compares the hash with
 * `!==`, rejects a `Bearer ` prefix, reads the system clock, and its strict protobuf parser
 * fails on bodies this API must read leniently.
 */
export class LiveKitMediaWebhookVerifier implements MediaWebhookVerifier {
  readonly #apiKey: string;
  readonly #key: Uint8Array;
  readonly #clock: Clock;
  readonly #logger: Logger;

  /** Throws when the key or secret is empty. */
  constructor(credentials: LiveKitCredentials, clock: Clock, logger: Logger) {
    this.#key = hmacKeyOf(credentials);
    this.#apiKey = credentials.apiKey;
    this.#clock = clock;
    this.#logger = logger.child({ component: 'livekit-webhook-verifier' });
  }

  async verify(rawBody: Uint8Array | string, authorization: string | undefined): Promise<Result<MediaEvent>> {
    const token = (authorization ?? '').trim().replace(BEARER, '');
    if (token === '') return this.#reject('missing authorization');

    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        issuer: this.#apiKey,
        requiredClaims: ['exp'],
        clockTolerance: WEBHOOK_CLOCK_TOLERANCE_S,
        currentDate: this.#clock.now(),
      }));
    } catch (error) {
      return this.#reject(error instanceof errors.JOSEError ? error.code : 'unreadable token');
    }

    const body = typeof rawBody === 'string' ? new TextEncoder().encode(rawBody) : rawBody;
    if (!bodyHashMatches(body, claims.sha256)) return this.#reject('body hash mismatch');

    const parsed = parseJsonObject(body);
    if (parsed === null) return err(domainError('GLOBAL_400'));
    return ok(parseMediaEvent(parsed));
  }

  #reject(reason: string): Result<MediaEvent> {
    this.#logger.debug({ reason }, 'LiveKit webhook rejected');
    return err(domainError('LIVEKIT_001'));
  }
}

/** Whether `claim` is the standard padded Base64 SHA-256 of `body`, in constant time. */
function bodyHashMatches(body: Uint8Array, claim: unknown): boolean {
  if (typeof claim !== 'string') return false;
  const expected = Buffer.from(createHash('sha256').update(body).digest('base64'), 'utf8');
  const actual = Buffer.from(claim, 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The JSON object in `body`, or `null` when it is not UTF-8 JSON or not an object. */
function parseJsonObject(body: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}
