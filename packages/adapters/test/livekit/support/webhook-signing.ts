import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { SignJWT, UnsecuredJWT } from 'jose';

/** Standard padded Base64 of the SHA-256 of `body` (a string is hashed as UTF-8). */
export function sha256Base64(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64');
}

/**
 * The `Authorization` value LiveKit sends with `body`: a token made by the SDK's own
 * `AccessToken` (HS256, `iss` = key, `nbf` = now, 5 minutes) carrying the body's `sha256`.
 */
export async function signLikeLiveKit(body: string | Uint8Array, apiKey: string, apiSecret: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl: '5m' });
  token.sha256 = sha256Base64(body);
  return token.toJwt();
}

/** Claims of a hand-made webhook token; times are unix seconds, `undefined` leaves a claim out. */
export interface CraftedToken {
  secret: string;
  alg?: 'HS256' | 'HS384' | 'HS512';
  iss?: string;
  nbf?: number;
  exp?: number;
  sha256?: string;
}

/** A webhook token with exactly the given header `alg` and claims, signed with `secret`. */
export async function craftToken(t: CraftedToken): Promise<string> {
  const jwt = new SignJWT(t.sha256 === undefined ? {} : { sha256: t.sha256 }).setProtectedHeader({ alg: t.alg ?? 'HS256' });
  if (t.iss !== undefined) jwt.setIssuer(t.iss);
  if (t.nbf !== undefined) jwt.setNotBefore(t.nbf);
  if (t.exp !== undefined) jwt.setExpirationTime(t.exp);
  return jwt.sign(new TextEncoder().encode(t.secret));
}

/** An unsigned (`alg: none`) token carrying the given claims. */
export function unsignedToken(iss: string, nbf: number, exp: number, sha256: string): string {
  return new UnsecuredJWT({ sha256 }).setIssuer(iss).setNotBefore(nbf).setExpirationTime(exp).encode();
}
