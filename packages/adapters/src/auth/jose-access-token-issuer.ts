import { SignJWT } from 'jose';
import type { AccessClaims, AccessTokenIssuer, Role } from '@sooscode/domain';
import { randomUUID } from 'node:crypto';

/** Settings shared by the jose issuer and verifier (http.md §1.7). */
export interface JoseAccessTokenOptions {
  /** HS256 key, at least 32 bytes (JWT_SECRET). */
  readonly secret: Uint8Array;
  readonly issuer: string;
  readonly audience: string;
  /** Access-token lifetime in seconds (JWT_ACCESS_TTL_S). */
  readonly ttlS: number;
}

/** The `typ` header of our access tokens; refresh tokens are opaque and can never pass as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Signs HS256 access tokens with `typ: at+jwt`, `iss`, `aud`, `sub`, `email`, `role`, `sid`, `jti`, `iat`, `exp`. */
export class JoseAccessTokenIssuer implements AccessTokenIssuer {
  readonly ttlS: number;

  constructor(private readonly options: JoseAccessTokenOptions) {
    if (options.secret.length < 32) throw new Error('JWT secret must be at least 32 bytes');
    this.ttlS = options.ttlS;
  }

  async issue(subject: { userId: number; email: string; role: Role; familyId: string }, now: Date): Promise<{ token: string; claims: AccessClaims }> {
    const iat = Math.floor(now.getTime() / 1000);
    const claims: AccessClaims = {
      ...subject,
      jti: randomUUID(),
      issuedAt: new Date(iat * 1000),
      expiresAt: new Date((iat + this.ttlS) * 1000),
    };
    const token = await new SignJWT({ email: subject.email, role: subject.role, sid: subject.familyId })
      .setProtectedHeader({ alg: 'HS256', typ: ACCESS_TOKEN_TYPE })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setSubject(String(subject.userId))
      .setJti(claims.jti)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlS)
      .sign(this.options.secret);
    return { token, claims };
  }
}
