import type { Router } from '@koa/router';
import type { Context } from 'koa';
import type { BeginGoogleLogin, Clock, LogInWithGoogle } from '@sooscode/domain';
import type { AuthCookieOptions } from '../auth-cookies';
import { appendSetCookie, buildCookie, firstUsableCookie, setAccessCookie, setRefreshCookie } from '../auth-cookies';
import { failWith, unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';

/** Name and path of the cookie that carries the pending sign-in id (http.md §2). */
export const OAUTH_STATE_COOKIE = 'oauthState';
export const OAUTH_STATE_COOKIE_PATH = '/api/auth/google';
/** The cookie value must look like an id we issued (base64url, bounded) before it is looked up. */
const LOGIN_ID = /^[A-Za-z0-9_-]{16,128}$/;

/** The two halves of Google sign-in. */
export interface GoogleFlows {
  readonly begin: BeginGoogleLogin;
  readonly logIn: LogInWithGoogle;
}

/** What the Google routes need. */
export interface GoogleRouteDeps {
  /** Null when GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET or GOOGLE_REDIRECT_URI is unset: both routes answer 503. */
  readonly flows: GoogleFlows | null;
  readonly cookies: AuthCookieOptions;
  readonly clock: Clock;
  /** Where a successful sign-in lands (FRONTEND_URL). */
  readonly frontendUrl: string;
}

/** A 302 to `location` with an empty body. */
function redirectEmpty(ctx: Context, location: string): void {
  ctx.body = null;
  ctx.status = 302;
  ctx.set('Location', location);
}

/** The first non-empty value of every query parameter. */
function queryParams(ctx: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(ctx.query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== '') out[key] = first;
  }
  return out;
}

/**
 * `GET /api/auth/google/login` and `GET /api/auth/google/callback` (http.md §2). Login redirects to the
 * provider and sets `oauthState`; the callback clears `oauthState` on every answer, and on success sets
 * the session cookies and redirects to FRONTEND_URL. Failures are enveloped JSON (400 AUTH_5xx/AUTH_103).
 */
export class GoogleRoutes implements HttpModule {
  constructor(private readonly deps: GoogleRouteDeps) {}

  private flows(): GoogleFlows {
    if (!this.deps.flows) failWith('GLOBAL_503');
    return this.deps.flows;
  }

  register(router: Router): void {
    const d = this.deps;

    router.get('/api/auth/google/login', async (ctx) => {
      const start = unwrap(await this.flows().begin.execute());
      appendSetCookie(ctx, buildCookie(OAUTH_STATE_COOKIE, start.loginId, start.ttlS, OAUTH_STATE_COOKIE_PATH, d.clock.now(), d.cookies));
      redirectEmpty(ctx, start.authorizationUrl);
    });

    router.get('/api/auth/google/callback', async (ctx) => {
      const flows = this.flows();
      const cookie = firstUsableCookie(ctx.get('cookie') || undefined, OAUTH_STATE_COOKIE);
      appendSetCookie(ctx, buildCookie(OAUTH_STATE_COOKIE, '', 0, OAUTH_STATE_COOKIE_PATH, d.clock.now(), d.cookies));
      const loginId = cookie !== undefined && LOGIN_ID.test(cookie) ? cookie : undefined;
      const { session } = unwrap(await flows.logIn.execute({ loginId, params: queryParams(ctx) }));
      const now = d.clock.now();
      setAccessCookie(ctx, session.accessToken, session.accessTtlS, now, d.cookies);
      setRefreshCookie(ctx, session.refreshToken, session.refreshTtlS, now, d.cookies);
      redirectEmpty(ctx, d.frontendUrl);
    });
  }
}
