import { describe, expect, it } from 'vitest';
import { SignJWT, base64url, decodeProtectedHeader } from 'jose';
import { JoseAccessTokenIssuer } from '../../src/auth/jose-access-token-issuer';
import { JoseAccessTokenVerifier } from '../../src/auth/jose-access-token-verifier';

const secret = new TextEncoder().encode('0123456789abcdef0123456789abcdef-test');
const options = { secret, issuer: 'sooscode-api', audience: 'sooscode-api' };
const issuer = new JoseAccessTokenIssuer({ ...options, ttlS: 1800 });
const verifier = new JoseAccessTokenVerifier(options);
const now = new Date('2025-12-18T01:00:00.000Z');
const subject = { userId: 7, email: 'kim@example.com', role: 'STUDENT' as const, familyId: 'fam-1' };
const iat = Math.floor(now.getTime() / 1000);

/** Signs the contract claims with `claims` overriding (undefined removes one), for negative tests. */
function sign(claims: Record<string, unknown>, header: Record<string, unknown> = {}, key: Uint8Array = secret, alg = 'HS256') {
  const payload: Record<string, unknown> = {
    iss: 'sooscode-api', aud: 'sooscode-api', sub: '7', email: 'kim@example.com', role: 'STUDENT', sid: 'fam-1', jti: 'jti-x', iat, exp: iat + 1800, ...claims,
  };
  for (const k of Object.keys(payload)) if (payload[k] === undefined) delete payload[k];
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'at+jwt', ...header }).sign(key);
}

describe('jose access tokens', () => {
  it('issues HS256 at+jwt tokens carrying the contract claims, and verifies them back', async () => {
    const { token, claims } = await issuer.issue(subject, now);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'at+jwt' });
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!))) as Record<string, unknown>;
    expect(payload).toEqual({ iss: 'sooscode-api', aud: 'sooscode-api', sub: '7', email: 'kim@example.com', role: 'STUDENT', sid: 'fam-1', jti: claims.jti, iat, exp: iat + 1800 });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(await verifier.verify(token, now)).toEqual({ ok: true, value: { ...subject, jti: claims.jti, issuedAt: new Date(iat * 1000), expiresAt: new Date((iat + 1800) * 1000) } });
    expect((await issuer.issue(subject, now)).claims.jti).not.toBe(claims.jti);
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => new JoseAccessTokenIssuer({ ...options, secret: new Uint8Array(31), ttlS: 60 })).toThrow();
  });

  it('reports expiry only after the 30 s leeway, as "expired"', async () => {
    const { token } = await issuer.issue(subject, now);
    expect((await verifier.verify(token, new Date(now.getTime() + 1_829_000))).ok).toBe(true);
    expect(await verifier.verify(token, new Date(now.getTime() + 1_831_000))).toEqual({ ok: false, error: 'expired' });
  });

  it('refuses tampering, other algorithms, other issuers, audiences and types as "invalid"', async () => {
    const { token } = await issuer.issue(subject, now);
    const [h, p, s] = token.split('.') as [string, string, string];
    const forgedPayload = base64url.encode(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(base64url.decode(p))), role: 'ADMIN' }));
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt' }))}.${p}.`;
    const flipped = s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1);
    const bad = [
      `${h}.${forgedPayload}.${s}`,
      `${h}.${p}.${flipped}`,
      none,
      await sign({}, {}, secret, 'HS512'),
      await sign({}, {}, new TextEncoder().encode('another-secret-another-secret-0123456')),
      await sign({ aud: 'other-api' }),
      await sign({ iss: 'someone-else' }),
      await sign({}, { typ: 'JWT' }),
      await sign({}, { typ: undefined }),
      await sign({ jti: undefined }),
      await sign({ exp: undefined }),
      await sign({ aud: undefined }),
      await sign({ sub: 'abc' }),
      await sign({ sub: '0' }),
      await sign({ role: 'GOD' }),
      await sign({ sid: undefined }),
      await sign({ email: 42 }),
      'not.a.jwt',
      '',
      'a'.repeat(5000),
    ];
    for (const [i, t] of bad.entries()) expect(await verifier.verify(t, now), `case ${i}`).toEqual({ ok: false, error: 'invalid' });
  });

  it('accepts a token signed with the same secret by anyone who follows the rules (the secret is the trust root)', async () => {
    expect((await verifier.verify(await sign({}), now)).ok).toBe(true);
  });
});
