import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import { buildCookie, clearAuthCookies, firstUsableCookie, parseCookieHeader, setAccessCookie, setRefreshCookie } from '../../src/http/auth-cookies';
import { accessTokenOf } from '../../src/http/auth-middleware';

/** Just enough of a Koa context for the cookie and credential helpers. */
function fakeContext(headers: Record<string, string> = {}) {
  const appended: string[] = [];
  const ctx = {
    get: (name: string) => headers[name.toLowerCase()] ?? '',
    append: (_name: string, value: string) => appended.push(value),
  } as unknown as Context;
  return { ctx, appended };
}

describe('auth cookies', () => {
  const now = new Date('2025-12-18T01:00:00.000Z');

  it('writes the access and refresh cookies exactly as http.md §1.7 shows, Secure only when asked', () => {
    const { ctx, appended } = fakeContext();
    setAccessCookie(ctx, 'AT', 1800, now, { secure: false });
    setRefreshCookie(ctx, 'RT', 604800, now, { secure: true });
    expect(appended).toEqual([
      'accessToken=AT; Max-Age=1800; Expires=Thu, 18 Dec 2025 01:30:00 GMT; Path=/; HttpOnly; SameSite=Lax',
      'refreshToken=RT; Max-Age=604800; Expires=Thu, 25 Dec 2025 01:00:00 GMT; Path=/; HttpOnly; SameSite=Lax; Secure',
    ]);
    expect(buildCookie('oauthState', 's', 600, '/api/auth/google', now, { secure: false })).toBe(
      'oauthState=s; Max-Age=600; Expires=Thu, 18 Dec 2025 01:10:00 GMT; Path=/api/auth/google; HttpOnly; SameSite=Lax',
    );
  });

  it('clears both cookies with the same attributes and the epoch', () => {
    const { ctx, appended } = fakeContext();
    clearAuthCookies(ctx, { secure: true });
    expect(appended).toEqual([
      'accessToken=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax; Secure',
      'refreshToken=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax; Secure',
    ]);
  });

  it('parses repeated, quoted and percent-encoded cookies and skips empty or "null" tokens', () => {
    expect(parseCookieHeader('a=1; b="two"; a=3; c=%41%42; junk; d=%E0%A4%A')).toEqual(
      new Map([['a', ['1', '3']], ['b', ['two']], ['c', ['AB']], ['d', ['%E0%A4%A']]]),
    );
    expect(firstUsableCookie('accessToken=; accessToken=null; accessToken=tok', 'accessToken')).toBe('tok');
    expect(firstUsableCookie('accessToken=null', 'accessToken')).toBeUndefined();
    expect(firstUsableCookie(undefined, 'accessToken')).toBeUndefined();
  });
});

describe('accessTokenOf', () => {
  it('takes a Bearer header with any scheme case, and then ignores the cookie', () => {
    expect(accessTokenOf(fakeContext({ authorization: 'Bearer abc', cookie: 'accessToken=cookie' }).ctx)).toEqual({ token: 'abc', fromCookie: false });
    expect(accessTokenOf(fakeContext({ authorization: 'bEaReR   abc ' }).ctx)).toEqual({ token: 'abc', fromCookie: false });
    expect(accessTokenOf(fakeContext({ authorization: 'Bearer', cookie: 'accessToken=cookie' }).ctx)).toEqual({ token: undefined, fromCookie: false });
    expect(accessTokenOf(fakeContext({ authorization: 'Basic dXNlcjpwdw==', cookie: 'accessToken=cookie' }).ctx)).toEqual({ token: undefined, fromCookie: false });
  });

  it('falls back to the first usable accessToken cookie', () => {
    expect(accessTokenOf(fakeContext({ cookie: 'x=1; accessToken=null; accessToken=tok' }).ctx)).toEqual({ token: 'tok', fromCookie: true });
    expect(accessTokenOf(fakeContext({}).ctx)).toEqual({ token: undefined, fromCookie: true });
  });
});
