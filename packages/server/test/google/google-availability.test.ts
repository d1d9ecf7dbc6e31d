import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, startTestServer, type TestServer } from '../support/test-server';
import { FakeTokenProvider } from './fake-token-provider';
import { FRONTEND_URL, callback, expectError, googleEnv, startLogin } from './google-flow';
import { CLIENT_ID, REDIRECT_URI, TestIdentityProvider, signInAtProvider } from './test-identity-provider';

describe('Google sign-in when the provider is down (state in memory)', () => {
  let idp: TestIdentityProvider;
  let server: TestServer;

  beforeAll(async () => {
    idp = await TestIdentityProvider.start();
    idp.accounts.set('someone', { email: 'someone@example.com', email_verified: true, name: 'Someone' });
    server = await startTestServer({ env: googleEnv(idp.issuer) });
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.stop();
  });

  it('answers 503 GLOBAL_503 at login while discovery fails, and recovers once the provider is back', async () => {
    await idp.stop();
    const api = new HttpClient(server.url);
    const res = await api.request('GET', '/api/auth/google/login');
    await expectError(res, 'GLOBAL_503');
    expect(res.headers.getSetCookie()).toEqual([]);
    await idp.restart();
    expect((await startLogin(api)).authorizationUrl.origin).toBe(idp.issuer);
  });

  it('answers AUTH_501 at the callback when the provider went down after the sign-in', async () => {
    const api = new HttpClient(server.url);
    const { authorizationUrl } = await startLogin(api);
    const redirect = await signInAtProvider(authorizationUrl.href, 'someone');
    await idp.stop();
    await expectError(await callback(api, redirect), 'AUTH_501');
  });
});

describe('Google sign-in with an ID token the client must refuse (hand-written provider)', () => {
  let fake: FakeTokenProvider;
  let server: TestServer;

  beforeAll(async () => {
    fake = await FakeTokenProvider.start(CLIENT_ID);
    server = await startTestServer({ env: googleEnv(fake.issuer) });
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.stop();
  });

  /** Login at the API; the provider "redirects back" with `code=c` and the state it was given. */
  async function loginAndReturn(): Promise<{ api: HttpClient; nonce: string; redirect: string }> {
    const api = new HttpClient(server.url);
    const { authorizationUrl } = await startLogin(api);
    const redirect = `?code=c&state=${authorizationUrl.searchParams.get('state')}`;
    return { api, nonce: authorizationUrl.searchParams.get('nonce')!, redirect };
  }

  it('refuses an ID token whose nonce is not the one sent (AUTH_502) and creates no account', async () => {
    const { api, redirect } = await loginAndReturn();
    fake.nonce = 'a-nonce-from-another-sign-in';
    await expectError(await callback(api, redirect), 'AUTH_502');
    expect(fake.tokenRequests).toHaveLength(1);
    expect((await api.json('GET', '/api/me')).status).toBe(401);
  });

  it('refuses an ID token for another audience (AUTH_502)', async () => {
    const { api, nonce, redirect } = await loginAndReturn();
    fake.nonce = nonce;
    fake.claims = { aud: 'someone-else' };
    await expectError(await callback(api, redirect), 'AUTH_502');
    fake.claims = {};
  });

  it('answers AUTH_501 when the provider refuses the code', async () => {
    const { api, nonce, redirect } = await loginAndReturn();
    fake.nonce = nonce;
    fake.token = { kind: 'status', status: 400, body: JSON.stringify({ error: 'invalid_grant' }) };
    await expectError(await callback(api, redirect), 'AUTH_501');
    fake.token = { kind: 'tokens' };
  });

  it('signs in with the claims of a correct ID token (email in the token, as Google sends it)', async () => {
    const { api, nonce, redirect } = await loginAndReturn();
    fake.nonce = nonce;
    const res = await callback(api, redirect);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(FRONTEND_URL);
    expect(fake.tokenRequests.at(-1)?.get('redirect_uri')).toBe(REDIRECT_URI);
    expect((await api.json('GET', '/api/me')).body.data).toMatchObject({ email: 'fake.user@example.com', name: 'Fake User', role: 'STUDENT' });
  });
});

describe('Google sign-in when not configured', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { GOOGLE_CLIENT_ID: CLIENT_ID, GOOGLE_REDIRECT_URI: REDIRECT_URI } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 503 GLOBAL_503 on both endpoints without a client secret', async () => {
    const api = new HttpClient(server.url);
    await expectError(await api.request('GET', '/api/auth/google/login'), 'GLOBAL_503');
    await expectError(await api.request('GET', '/api/auth/google/callback?code=c&state=s'), 'GLOBAL_503');
  });
});
