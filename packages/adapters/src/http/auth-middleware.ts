import type { Context, Next } from 'koa';
import type { AuthenticateAccessToken, Clock, RenewAccessToken } from '@sooscode/domain';
import { domainError } from '@sooscode/domain';
import { firstUsableCookie, setAccessCookie, type AuthCookieOptions } from './auth-cookies';
import { HttpFailure } from './http-failure';

/** Reads the access token per http.md §1.7: a Bearer header (the only credential when present), else the first usable `accessToken` cookie. */
export function accessTokenOf(ctx: Context): { token: string | undefined; fromCookie: boolean } {
  const header = ctx.get('authorization');
  if (header) {
    const match = /^bearer\s+(\S+)\s*$/i.exec(header);
    return { token: match?.[1], fromCookie: false };
  }
  return { token: firstUsableCookie(ctx.get('cookie') || undefined, 'accessToken'), fromCookie: true };
}

/** Dependencies of the authentication middleware. */
export interface AuthMiddlewareDeps {
  readonly authenticate: AuthenticateAccessToken;
  readonly renew: RenewAccessToken;
  readonly cookies: AuthCookieOptions;
  readonly clock: Clock;
}

/** Factories for the authentication guards of protected routes. */
export class AuthGuards {
  constructor(private readonly deps: AuthMiddlewareDeps) {}

  /**
   * Requires an ACTIVE user: none → 401 `GLOBAL_401`, expired → 401 `AUTH_401`, anything else invalid → 401 `GLOBAL_401`.
   * A cookie token close to expiry is renewed with a fresh `accessToken` cookie (sliding session).
   */
  readonly requireUser = async (ctx: Context, next: Next): Promise<void> => {
    const { token, fromCookie } = accessTokenOf(ctx);
    if (!token) throw new HttpFailure(domainError('GLOBAL_401'));
    const result = await this.deps.authenticate.execute(token);
    if (!result.ok) throw new HttpFailure(domainError(result.error));
    ctx.state.principal = result.value;
    if (fromCookie) {
      const renewed = await this.deps.renew.execute(result.value);
      if (renewed) setAccessCookie(ctx, renewed.token, renewed.ttlS, this.deps.clock.now(), this.deps.cookies);
    }
    await next();
  };

  /** Requires role ADMIN (after `requireUser`): others get 403 `GLOBAL_403`. */
  readonly requireAdmin = async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.state.principal?.role !== 'ADMIN') throw new HttpFailure(domainError('GLOBAL_403'));
    await next();
  };
}
