/**
 * Routes that no browser session can reach, authenticated by their own credential instead of a
 * cookie: the compile callbacks (per-job HMAC token, compile.md §4) and the LiveKit webhook (signed
 * body, livekit.md §4). The Origin rule, a CSRF defence for cookie sessions, does not apply to them:
 * a refused `Origin` is ignored there (no 403, and no CORS headers either).
 */
const EXEMPT = /^\/api\/(?:compile\/callback\/[^/]+|compile\/judge0\/callback\/[^/]+|livekit\/webhook)$/;

/** True for a path exempt from the Origin rule. */
export function isOriginExemptPath(path: string): boolean {
  return EXEMPT.test(path);
}
