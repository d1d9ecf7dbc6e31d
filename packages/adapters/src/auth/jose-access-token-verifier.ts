import { webcrypto } from 'node:crypto';
import { errors, jwtVerify } from 'jose';
import type { AccessClaims, AccessTokenRejection, AccessTokenVerifier, Result } from '@sooscode/domain';
import { err, ok, parseRole } from '@sooscode/domain';
import { ACCESS_TOKEN_TYPE, type JoseAccessTokenOptions } from './jose-access-token-issuer';

const MAX_TOKEN_LENGTH = 4096;
const LEEWAY_S = 30;
/** Verified tokens remembered, so the signature of a token a client re-sends is checked once. */
const CACHE_ENTRIES = 10_000;

/**
 * Verifies access tokens: HS256 only (algorithm pinned), `typ: at+jwt`, `iss` and `aud` checked,
 * `exp` with at most 30 s leeway, and every claim we rely on present and well-formed.
 * A token that verified is remembered (bounded, oldest evicted) until it expires: the same bytes always
 * verify the same way, so only the expiry is re-checked on later requests. Revocation is not decided
 * here (the denylist and session family are checked by the use case on every request).
 */
export class JoseAccessTokenVerifier implements AccessTokenVerifier {
  /** The HMAC key imported once: jose would otherwise import the raw secret on every call. */
  private key: Promise<webcrypto.CryptoKey> | undefined;

  private readonly verified = new Map<string, AccessClaims>();

  constructor(private readonly options: Omit<JoseAccessTokenOptions, 'ttlS'>) {}

  private verificationKey(): Promise<webcrypto.CryptoKey> {
    this.key ??= webcrypto.subtle.importKey('raw', this.options.secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    return this.key;
  }

  async verify(token: string, now: Date): Promise<Result<AccessClaims, AccessTokenRejection>> {
    if (token.length > MAX_TOKEN_LENGTH) return err('invalid');
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt.getTime() + LEEWAY_S * 1000 > now.getTime()) return ok(known);
      this.verified.delete(token);
      return err('expired');
    }
    const result = await this.verifySignature(token, now);
    if (result.ok) {
      if (this.verified.size >= CACHE_ENTRIES) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, result.value);
    }
    return result;
  }

  private async verifySignature(token: string, now: Date): Promise<Result<AccessClaims, AccessTokenRejection>> {
    try {
      const { payload } = await jwtVerify(token, await this.verificationKey(), {
        algorithms: ['HS256'],
        typ: ACCESS_TOKEN_TYPE,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: LEEWAY_S,
        currentDate: now,
        requiredClaims: ['sub', 'jti', 'exp', 'iat', 'sid'],
      });
      const userId = Number(payload.sub);
      const role = typeof payload.role === 'string' ? parseRole(payload.role) : null;
      if (!/^[1-9]\d{0,15}$/.test(payload.sub ?? '') || !Number.isSafeInteger(userId) || !role) return err('invalid');
      if (typeof payload.sid !== 'string' || typeof payload.jti !== 'string' || typeof payload.email !== 'string') return err('invalid');
      return ok({
        userId,
        email: payload.email,
        role,
        familyId: payload.sid,
        jti: payload.jti,
        issuedAt: new Date(payload.iat! * 1000),
        expiresAt: new Date(payload.exp! * 1000),
      });
    } catch (e) {
      return err(e instanceof errors.JWTExpired ? 'expired' : 'invalid');
    }
  }
}
