import { decodeProtectedHeader } from 'jose';
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';

/**
 * Verifies a client video token with LiveKit's own `TokenVerifier` (system clock), for suites of
 * packages that do not depend on the SDK. Returns the protected header and the claims.
 */
export async function verifyWithLiveKit(
  token: string,
  apiKey: string,
  apiSecret: string,
): Promise<{ header: ReturnType<typeof decodeProtectedHeader>; claims: ClaimGrants }> {
  return { header: decodeProtectedHeader(token), claims: await new TokenVerifier(apiKey, apiSecret).verify(token) };
}
