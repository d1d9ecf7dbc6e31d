import type { Context } from 'koa';

/** Cookie attributes of http.md §1.7. */
export interface AuthCookieOptions {
  /** Adds `; Secure` (COOKIE_SECURE). */
  readonly secure: boolean;
}

function cookie(name: string, value: string, maxAgeS: number, now: Date, options: AuthCookieOptions, path = '/'): string {
  const expires = maxAgeS === 0 ? 'Thu, 01 Jan 1970 00:00:00 GMT' : new Date(now.getTime() + maxAgeS * 1000).toUTCString();
  return `${name}=${value}; Max-Age=${maxAgeS}; Expires=${expires}; Path=${path}; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;
}

/** Appends a `Set-Cookie` header without replacing earlier ones. */
export function appendSetCookie(ctx: Context, value: string): void {
  ctx.append('Set-Cookie', value);
}

/** Sets the access-token cookie (Max-Age = the token's TTL in seconds). */
export function setAccessCookie(ctx: Context, token: string, ttlS: number, now: Date, options: AuthCookieOptions): void {
  appendSetCookie(ctx, cookie('accessToken', token, ttlS, now, options));
}

/** Sets the refresh-token cookie (Max-Age = REFRESH_TTL_S). */
export function setRefreshCookie(ctx: Context, token: string, ttlS: number, now: Date, options: AuthCookieOptions): void {
  appendSetCookie(ctx, cookie('refreshToken', token, ttlS, now, options));
}

/** Clears both auth cookies with the same attributes and an empty value. */
export function clearAuthCookies(ctx: Context, options: AuthCookieOptions): void {
  const now = new Date(0);
  appendSetCookie(ctx, cookie('accessToken', '', 0, now, options));
  appendSetCookie(ctx, cookie('refreshToken', '', 0, now, options));
}

/** Builds any other short-lived HttpOnly cookie (e.g. `oauthState`). */
export function buildCookie(name: string, value: string, maxAgeS: number, path: string, now: Date, options: AuthCookieOptions): string {
  return cookie(name, value, maxAgeS, now, options, path);
}

/** Parses a `Cookie` header; for repeated names, every value is kept in order. */
export function parseCookieHeader(header: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      /* keep the raw value */
    }
    const list = out.get(name) ?? [];
    list.push(value);
    out.set(name, list);
  }
  return out;
}

/** The first cookie `name` whose value is non-empty and not the string `null` (http.md §1.7). */
export function firstUsableCookie(header: string | undefined, name: string): string | undefined {
  return parseCookieHeader(header).get(name)?.find((v) => v !== '' && v !== 'null');
}
