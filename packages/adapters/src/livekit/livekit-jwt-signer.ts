import { SignJWT } from 'jose';
import { hmacKeyOf, type LiveKitCredentials } from './livekit-credentials';

/** The claims of a LiveKit token besides the registered ones (`iss`, `sub`, `nbf`, `exp`). */
export type LiveKitClaims = Record<string, unknown>;

/**
 * Signs LiveKit JWTs the way LiveKit's own servers do: header `{"alg":"HS256","typ":"JWT"}`,
 * `iss` = API key, `sub`, `nbf` = now and `exp` = now + ttl, both in unix seconds. No `iat`
 * or `jti` is added. The secret is held in a private field and never exposed.
 */
export class LiveKitJwtSigner {
  readonly #apiKey: string;
  readonly #key: Uint8Array;

  /** Throws when the key or secret is empty. */
  constructor(credentials: LiveKitCredentials) {
    this.#key = hmacKeyOf(credentials);
    this.#apiKey = credentials.apiKey;
  }

  /**
   * A compact JWT carrying `claims`, issued to `subject` at `now` for `ttlS` seconds.
   * Throws a `RangeError` when `ttlS` is not a positive integer or `subject` is empty.
   */
  async sign(claims: LiveKitClaims, subject: string, now: Date, ttlS: number): Promise<string> {
    if (!Number.isSafeInteger(ttlS) || ttlS < 1) throw new RangeError('token ttl must be a positive integer of seconds');
    if (subject === '') throw new RangeError('token subject must not be empty');
    const nowS = Math.floor(now.getTime() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.#apiKey)
      .setSubject(subject)
      .setNotBefore(nowS)
      .setExpirationTime(nowS + ttlS)
      .sign(this.#key);
  }
}
