/**
 * The Origin rule of http.md §1.6: an Origin is allowed when it is on the exact-match list;
 * the server's own origin is accepted without CORS headers; anything else (including `null`) is refused.
 */
export class OriginPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowedOrigins: readonly string[], private readonly ownOrigin: string | undefined) {
    this.allowed = new Set(allowedOrigins);
  }

  /** `cors`: echo CORS headers; `same`: our own origin; `refused`: 403; `none`: no Origin header. */
  classify(origin: string | undefined): 'cors' | 'same' | 'refused' | 'none' {
    if (origin === undefined) return 'none';
    if (this.allowed.has(origin)) return 'cors';
    if (this.ownOrigin !== undefined && origin === this.ownOrigin) return 'same';
    return 'refused';
  }

  /** The CORS response headers for an allowed origin. */
  static corsHeaders(origin: string): Record<string, string> {
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      Vary: 'Origin',
      'Access-Control-Expose-Headers': 'Authorization, Retry-After, Content-Disposition, X-Request-Id',
    };
  }
}
