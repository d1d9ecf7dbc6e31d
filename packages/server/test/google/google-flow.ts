import { expect } from 'vitest';
import type { WireCode } from '@sooscode/adapters/wire/wire-code';
import { envelope } from '@sooscode/adapters/http/envelope';
import type { HttpClient } from '../support/test-server';
import { CLIENT_ID, CLIENT_SECRET, REDIRECT_URI } from './test-identity-provider';

/** Where the API sends the browser after a successful sign-in in these tests. */
export const FRONTEND_URL = 'http://localhost:5173/after-login';

/** The configuration that enables Google sign-in against `issuer`. */
export function googleEnv(issuer: string): Record<string, string> {
  return { GOOGLE_CLIENT_ID: CLIENT_ID, GOOGLE_CLIENT_SECRET: CLIENT_SECRET, GOOGLE_REDIRECT_URI: REDIRECT_URI, GOOGLE_ISSUER: issuer, FRONTEND_URL };
}

/** `GET /api/auth/google/login`: asserts the 302 and returns where it points and the `oauthState` value. */
export async function startLogin(api: HttpClient): Promise<{ authorizationUrl: URL; loginId: string; setCookie: string }> {
  const res = await api.request('GET', '/api/auth/google/login');
  expect(res.status).toBe(302);
  expect(await res.text()).toBe('');
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('oauthState='));
  expect(setCookie).toBeDefined();
  const loginId = /^oauthState=([^;]*)/.exec(setCookie!)![1]!;
  return { authorizationUrl: new URL(res.headers.get('location')!), loginId, setCookie: setCookie! };
}

/** Sends the provider's redirect (`REDIRECT_URI?code=…`) to the API's callback, with `cookie` when given. */
export function callback(api: HttpClient, redirect: URL | string, cookie?: string): Promise<Response> {
  const search = typeof redirect === 'string' ? redirect : redirect.search;
  return api.request('GET', `/api/auth/google/callback${search}`, cookie === undefined ? {} : { headers: { cookie } });
}

/** Asserts an enveloped error answer. */
export async function expectError(res: Response, code: WireCode): Promise<void> {
  const expected = envelope(code);
  expect({ status: res.status, body: await res.json() }).toEqual({ status: expected.status, body: expected });
}

/** The `Set-Cookie` that clears `oauthState`. */
export const CLEARED_OAUTH_STATE = 'oauthState=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/api/auth/google; HttpOnly; SameSite=Lax';
