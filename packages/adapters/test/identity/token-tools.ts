import bcrypt from 'bcryptjs';
import { SignJWT, base64url } from 'jose';

/**
 * Helpers for tests that need the libraries the adapters package owns (the server package's tests
 * import them from here): signing arbitrary JWTs and producing legacy bcrypt hashes.
 */

/** The claims of a JWT, decoded without verification. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!))) as Record<string, unknown>;
}

/** Signs `payload` as a JWT with the given header (undefined values are dropped from the payload). */
export function signJwt(payload: Record<string, unknown>, header: { alg: string; typ?: string }, secret: Uint8Array): Promise<string> {
  const clean = Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined));
  return new SignJWT(clean).setProtectedHeader(header).sign(secret);
}

/** An unsigned `alg: none` token with the given payload. */
export function unsignedJwt(payload: Record<string, unknown>): string {
  const part = (o: unknown) => base64url.encode(JSON.stringify(o));
  return `${part({ alg: 'none', typ: 'at+jwt' })}.${part(payload)}.`;
}

/** A legacy bcrypt hash (`$2a$` or `$2b$`, cost 4 to keep tests fast). */
export function bcryptHash(password: string, minor: 'a' | 'b'): string {
  return minor === 'a' ? bcrypt.hashSync(password, '$2a$04$abcdefghijklmnopqrstuu') : bcrypt.hashSync(password, bcrypt.genSaltSync(4));
}
