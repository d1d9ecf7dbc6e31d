import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenIdClientOAuthIdentityProvider, issuerAliases } from '@sooscode/adapters/auth/openid-client-oauth-identity-provider';
import { silentLogger } from '@sooscode/adapters/system/logger';
import { FakeTokenProvider, s256 } from './fake-token-provider';

const CLIENT = 'fake-client';
const SECRET = 'fake-client-secret';
const REDIRECT = 'http://localhost:5173/api/auth/google/callback';
const pending = { state: 'state-0123456789', codeVerifier: 'v'.repeat(20) + '0123456789abcdefghijklmnop', nonce: 'nonce-0123456789' };
const callback = { code: 'the-code', state: pending.state };

describe('OpenIdClientOAuthIdentityProvider (openid-client against a hand-written provider)', () => {
  let fake: FakeTokenProvider;
  let provider: OpenIdClientOAuthIdentityProvider;
  const make = (options: { aliases?: string[]; timeoutS?: number } = {}) =>
    new OpenIdClientOAuthIdentityProvider({
      issuer: fake.issuer, clientId: CLIENT, clientSecret: SECRET, redirectUri: REDIRECT, logger: silentLogger,
      issuerAliases: options.aliases, timeoutS: options.timeoutS,
    });

  beforeAll(async () => {
    fake = await FakeTokenProvider.start(CLIENT);
    provider = make();
  });
  afterAll(async () => {
    await fake.stop();
  });
  afterEach(() => {
    fake.claims = {};
    fake.token = { kind: 'tokens' };
    fake.nonce = pending.nonce;
    fake.userinfo = { status: 200, body: {} };
    fake.signWithStrangerKey = false;
    fake.discoveryStatus = 200;
  });

  it('builds the authorization URL from discovery, with PKCE S256, state, nonce and the contract parameters', async () => {
    const url = await provider.authorizationUrl(pending);
    expect(url.ok).toBe(true);
    if (!url.ok) return;
    const u = new URL(url.value);
    expect(`${u.origin}${u.pathname}`).toBe(`${fake.issuer}/authorize`);
    expect(Object.fromEntries(u.searchParams)).toEqual({
      client_id: CLIENT, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid email profile', state: pending.state,
      code_challenge: s256(pending.codeVerifier), code_challenge_method: 'S256', nonce: pending.nonce, prompt: 'select_account',
    });
  });

  it('discovers once and then reuses the metadata', async () => {
    const before = fake.discoveryRequests;
    await provider.authorizationUrl(pending);
    await provider.authorizationUrl(pending);
    expect(fake.discoveryRequests).toBe(before);
  });

  it('redeems the code with the verifier, secret and redirect URI, and returns the ID token identity', async () => {
    fake.nonce = pending.nonce;
    const result = await provider.exchange(callback, pending);
    expect(result).toEqual({ ok: true, value: { subject: 'fake-subject', email: 'Fake.User@Example.com', emailVerified: true, name: 'Fake User' } });
    const request = fake.tokenRequests.at(-1)!;
    expect(Object.fromEntries(request)).toEqual({
      grant_type: 'authorization_code', code: 'the-code', code_verifier: pending.codeVerifier, redirect_uri: REDIRECT, client_id: CLIENT, client_secret: SECRET,
    });
  });

  it.each([
    ['a wrong nonce', { nonce: 'someone-elses-nonce' }],
    ['no nonce', { nonce: undefined }],
    ['another audience', { aud: 'another-client' }],
    ['another issuer', { iss: 'https://evil.example' }],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 }],
  ])('rejects an ID token with %s as invalid_token', async (_label, claims) => {
    fake.nonce = pending.nonce;
    fake.claims = claims;
    if ('nonce' in claims) fake.nonce = claims.nonce;
    expect(await provider.exchange(callback, pending)).toEqual({ ok: false, error: 'invalid_token' });
  });

  it('rejects an ID token signed with a key outside the JWKS', async () => {
    fake.nonce = pending.nonce;
    fake.signWithStrangerKey = true;
    expect(await provider.exchange(callback, pending)).toEqual({ ok: false, error: 'invalid_token' });
  });

  it('accepts a configured issuer alias (Google signs with `accounts.google.com` too), still checking the nonce', async () => {
    const aliased = make({ aliases: ['fake-alias'] });
    fake.nonce = pending.nonce;
    fake.claims = { iss: 'fake-alias' };
    expect((await aliased.exchange(callback, pending)).ok).toBe(true);
    expect(await provider.exchange(callback, pending)).toEqual({ ok: false, error: 'invalid_token' });
    fake.nonce = 'wrong';
    expect(await aliased.exchange(callback, pending)).toEqual({ ok: false, error: 'invalid_token' });
    fake.claims = { iss: 'other-alias' };
    fake.nonce = pending.nonce;
    expect(await aliased.exchange(callback, pending)).toEqual({ ok: false, error: 'invalid_token' });
    expect(issuerAliases('https://accounts.google.com')).toEqual(['accounts.google.com']);
    expect(issuerAliases('https://accounts.google.com/')).toEqual(['accounts.google.com']);
    expect(issuerAliases('http://127.0.0.1:9000')).toEqual([]);
  });

  it('calls userinfo when the ID token has no email, and fails with invalid_token when userinfo does', async () => {
    fake.nonce = pending.nonce;
    fake.claims = { email: undefined, email_verified: undefined, name: undefined };
    fake.userinfo = { status: 200, body: { sub: 'fake-subject', email: 'info@example.com', email_verified: 'true', name: 'Info Name' } };
    expect(await provider.exchange(callback, pending)).toEqual({ ok: true, value: { subject: 'fake-subject', email: 'info@example.com', emailVerified: true, name: 'Info Name' } });
    expect(fake.userinfoAuthorizations.at(-1)).toBe('Bearer fake-access-token');
    fake.userinfo = { status: 200, body: { sub: 'another-subject', email: 'info@example.com', email_verified: true } };
    expect(await provider.exchange(callback, pending)).toEqual({ ok: false, error: 'invalid_token' });
    fake.userinfo = { status: 500, body: { error: 'server_error' } };
    expect(await provider.exchange(callback, pending)).toEqual({ ok: false, error: 'invalid_token' });
  });

  it('reports an unverified email as such', async () => {
    fake.nonce = pending.nonce;
    fake.claims = { email_verified: false };
    const result = await provider.exchange(callback, pending);
    expect(result.ok && result.value.emailVerified).toBe(false);
  });

  it('maps a refused code, a server error and a non-JSON success to failures, never throwing', async () => {
    fake.token = { kind: 'status', status: 400, body: JSON.stringify({ error: 'invalid_grant' }) };
    expect(await provider.exchange(callback, pending)).toEqual({ ok: false, error: 'exchange_failed' });
    fake.token = { kind: 'status', status: 500, body: 'oops', type: 'text/plain' };
    expect(await provider.exchange(callback, pending)).toEqual({ ok: false, error: 'exchange_failed' });
    fake.token = { kind: 'status', status: 200, body: '<html>', type: 'text/html' };
    expect((await provider.exchange(callback, pending)).ok).toBe(false);
  });

  it('gives up on a token endpoint that does not answer within the timeout', async () => {
    const impatient = make({ timeoutS: 1 });
    fake.token = { kind: 'hang' };
    expect(await impatient.exchange(callback, pending)).toEqual({ ok: false, error: 'exchange_failed' });
  });

  it('answers unavailable while discovery fails, and retries it on the next use', async () => {
    const fresh = make();
    fake.discoveryStatus = 503;
    expect(await fresh.authorizationUrl(pending)).toEqual({ ok: false, error: 'unavailable' });
    expect(await fresh.exchange(callback, pending)).toEqual({ ok: false, error: 'exchange_failed' });
    fake.discoveryStatus = 200;
    expect((await fresh.authorizationUrl(pending)).ok).toBe(true);
  });

  it('refuses a plain-http issuer that is not on loopback', () => {
    expect(() => new OpenIdClientOAuthIdentityProvider({ issuer: 'http://idp.example', clientId: CLIENT, clientSecret: SECRET, redirectUri: REDIRECT, logger: silentLogger }))
      .toThrow(/https/);
  });
});
