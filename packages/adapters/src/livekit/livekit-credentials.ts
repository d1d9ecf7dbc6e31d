/**
 * The LiveKit API key pair (`LIVEKIT_API_KEY`, `LIVEKIT_API_SECRET`). The secret signs and
 * verifies every LiveKit JWT; it must never be logged. Adapters take it explicitly and never
 * fall back to ambient environment variables.
 */
export interface LiveKitCredentials {
  /** The API key: the `iss` of every token. */
  readonly apiKey: string;
  /** The API secret: the HS256 key. At least 32 characters in deployments. */
  readonly apiSecret: string;
}

/**
 * The HS256 key of `credentials`, after checking that both halves are set. Throws when
 * either is empty: an unconfigured LiveKit must not be wired at all (the edge answers 503).
 */
export function hmacKeyOf(credentials: LiveKitCredentials): Uint8Array {
  if (typeof credentials.apiKey !== 'string' || credentials.apiKey.trim() === '') {
    throw new Error('LiveKit API key is not configured');
  }
  if (typeof credentials.apiSecret !== 'string' || credentials.apiSecret === '') {
    throw new Error('LiveKit API secret is not configured');
  }
  return new TextEncoder().encode(credentials.apiSecret);
}
