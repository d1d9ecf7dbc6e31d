import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRepository } from '@sooscode/domain';
import { TOKENS } from '../../src/tokens';
import { HttpClient, startTestServer, type TestServer } from '../support/test-server';
import { CLEARED_OAUTH_STATE, FRONTEND_URL, callback, expectError, googleEnv, startLogin } from './google-flow';
import { CLIENT_ID, REDIRECT_URI, TestIdentityProvider, signInAtProvider } from './test-identity-provider';

describe('Google sign-in against a real OpenID provider (oidc-provider), state in Redis', () => {
  let idp: TestIdentityProvider;
  let server: TestServer;
  let users: UserRepository;

  beforeAll(async () => {
    idp = await TestIdentityProvider.start();
    idp.accounts.set('newbie', { email: 'Newbie@Example.com', email_verified: true, name: '  김구글 사용자 이름이 아주 긴 경우  ' });
    idp.accounts.set('linked', { email: 'LINKED@example.com', email_verified: true, name: 'Google Name' });
    idp.accounts.set('unverified', { email: 'unverified@example.com', email_verified: false, name: 'Unverified' });
    idp.accounts.set('gone', { email: 'gone@example.com', email_verified: true, name: 'Gone' });
    idp.accounts.set('replayer', { email: 'replayer@example.com', email_verified: true });
    server = await startTestServer({ redis: true, env: googleEnv(idp.issuer) });
    users = server.container.get<UserRepository>(TOKENS.UserRepository);
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.stop();
  });

  /** Login at the API, sign in at the provider; returns the redirect back and the API client holding oauthState. */
  async function authorize(accountId: string | null): Promise<{ api: HttpClient; redirect: URL; loginId: string }> {
    const api = new HttpClient(server.url);
    const { authorizationUrl, loginId } = await startLogin(api);
    return { api, redirect: await signInAtProvider(authorizationUrl.href, accountId), loginId };
  }

  it('sends the browser to the discovered authorization endpoint with PKCE, state, nonce and an oauthState cookie', async () => {
    const api = new HttpClient(server.url);
    const { authorizationUrl: u, setCookie } = await startLogin(api);
    expect(`${u.origin}${u.pathname}`).toBe(`${idp.issuer}/auth`);
    const q = Object.fromEntries(u.searchParams);
    expect(q).toMatchObject({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid email profile', code_challenge_method: 'S256', prompt: 'select_account' });
    expect(q.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookie).toMatch(/^oauthState=[A-Za-z0-9_-]{43}; Max-Age=600; Expires=[^;]+ GMT; Path=\/api\/auth\/google; HttpOnly; SameSite=Lax$/);
    const second = await startLogin(api);
    expect(second.authorizationUrl.searchParams.get('state')).not.toBe(q.state);
  });

  it('signs a new person in as an ACTIVE GOOGLE STUDENT: session cookies, oauthState cleared, 302 to FRONTEND_URL', async () => {
    const { api, redirect } = await authorize('newbie');
    expect(Object.fromEntries(redirect.searchParams)).toMatchObject({ iss: idp.issuer });
    const res = await callback(api, redirect);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(FRONTEND_URL);
    expect(await res.text()).toBe('');
    const cookies = res.headers.getSetCookie();
    expect(cookies).toContain(CLEARED_OAUTH_STATE);
    expect(cookies.find((c) => c.startsWith('accessToken='))).toMatch(/^accessToken=[^;]+; Max-Age=1800; Expires=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(cookies.find((c) => c.startsWith('refreshToken='))).toMatch(/^refreshToken=[^;]+; Max-Age=604800; Expires=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);

    const me = await api.json('GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({ email: 'newbie@example.com', name: '김구글 사용자 이름이 아주 긴', role: 'STUDENT' });
    const user = await users.findByEmail('newbie@example.com');
    expect(user).toMatchObject({ provider: 'GOOGLE', role: 'STUDENT', status: 'ACTIVE' });
    expect(user!.lastLoginAt).not.toBeNull();
    const login = await new HttpClient(server.url).json('POST', '/api/auth/login', { body: { email: 'newbie@example.com', password: 'Passw0rd!' } });
    expect(login.body.code).toBe('AUTH_201');
    expect((await api.json('POST', '/api/auth/refresh')).body.code).toBe('AUTH_005');
  });

  it('signs an existing ACTIVE account with the same email (any case) into that account, leaving it as it was', async () => {
    const owner = new HttpClient(server.url);
    const reg = await owner.json('POST', '/api/auth/register', { body: { email: 'Linked@Example.com', name: '기존회원', password: 'Passw0rd!', confirmPassword: 'Passw0rd!' } });
    expect(reg.status).toBe(201);
    const before = await users.findByEmail('linked@example.com');
    const { api, redirect } = await authorize('linked');
    const res = await callback(api, redirect);
    expect(res.status).toBe(302);
    const me = await api.json('GET', '/api/me');
    expect(me.body.data).toMatchObject({ userId: before!.id, email: 'linked@example.com', name: '기존회원', role: 'STUDENT' });
    expect(await users.findByEmail('linked@example.com')).toMatchObject({ id: before!.id, provider: 'LOCAL', passwordHash: before!.passwordHash });
    await owner.login('linked@example.com', 'Passw0rd!');
  });

  it('refuses a mismatched state or a missing cookie with AUTH_503, and the pending sign-in is then gone', async () => {
    const { api, redirect } = await authorize('newbie');
    const tampered = new URL(redirect);
    tampered.searchParams.set('state', 'x'.repeat(43));
    const res = await callback(api, tampered, `oauthState=${api.cookies.get('oauthState')}`);
    await expectError(res, 'AUTH_503');
    expect(res.headers.getSetCookie()).toContain(CLEARED_OAUTH_STATE);
    const cookie = /oauthState=[^;]*/.exec((await startLogin(new HttpClient(server.url))).setCookie)![0];
    await expectError(await callback(api, redirect, cookie), 'AUTH_503');
    const other = await authorize('newbie');
    await expectError(await callback(new HttpClient(server.url), other.redirect), 'AUTH_503');
    await expectError(await callback(other.api, other.redirect, 'oauthState=not-an-id'), 'AUTH_503');
  });

  it('refuses a replayed callback: the state is single use (AUTH_503) and so is the code (AUTH_501)', async () => {
    const { api, redirect, loginId } = await authorize('replayer');
    expect((await callback(api, redirect, `oauthState=${loginId}`)).status).toBe(302);
    await expectError(await callback(api, redirect, `oauthState=${loginId}`), 'AUTH_503');
    const fresh = new HttpClient(server.url);
    const next = await startLogin(fresh);
    const stolen = new URL(redirect);
    stolen.searchParams.set('state', next.authorizationUrl.searchParams.get('state')!);
    await expectError(await callback(fresh, stolen, `oauthState=${next.loginId}`), 'AUTH_501');
  });

  it('refuses a code presented with another sign-in\'s state (PKCE binds it) and still honours its own callback', async () => {
    const victim = await authorize('replayer');
    const attacker = new HttpClient(server.url);
    const own = await startLogin(attacker);
    const stolen = new URL(victim.redirect);
    stolen.searchParams.set('state', own.authorizationUrl.searchParams.get('state')!);
    await expectError(await callback(attacker, stolen, `oauthState=${own.loginId}`), 'AUTH_501');
    const res = await callback(victim.api, victim.redirect, `oauthState=${victim.loginId}`);
    expect(res.status).toBe(302);
    expect((await victim.api.json('GET', '/api/me')).body.data).toMatchObject({ email: 'replayer@example.com', name: 'replayer' });
  });

  it('refuses an unverified email with AUTH_504 and creates no account', async () => {
    const { api, redirect } = await authorize('unverified');
    const res = await callback(api, redirect);
    await expectError(res, 'AUTH_504');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('accessToken='))).toBe(false);
    expect(await users.findByEmail('unverified@example.com')).toBeNull();
  });

  it('refuses an account that was deleted (INACTIVE) with AUTH_103', async () => {
    const owner = new HttpClient(server.url);
    await owner.json('POST', '/api/auth/register', { body: { email: 'gone@example.com', name: '탈퇴회원', password: 'Passw0rd!', confirmPassword: 'Passw0rd!' } });
    await owner.login('gone@example.com', 'Passw0rd!');
    expect((await owner.json('POST', '/api/mypage/delete')).status).toBe(200);
    const { api, redirect } = await authorize('gone');
    await expectError(await callback(api, redirect), 'AUTH_103');
    expect((await users.findByEmail('gone@example.com'))?.status).toBe('INACTIVE');
  });

  it('answers AUTH_501 when the user declines at the provider (error=access_denied)', async () => {
    const { api, redirect } = await authorize(null);
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    await expectError(await callback(api, redirect), 'AUTH_501');
    await expectError(await callback(new HttpClient(server.url), '?error=access_denied'), 'AUTH_501');
  });

  it('answers AUTH_501 for a callback without a code', async () => {
    const api = new HttpClient(server.url);
    const { authorizationUrl } = await startLogin(api);
    await expectError(await callback(api, `?state=${authorizationUrl.searchParams.get('state')}`), 'AUTH_501');
  });
});
