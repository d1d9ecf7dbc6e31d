import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../system/logger';
import { envelope } from './envelope';
import { HttpFailure } from './http-failure';

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Strips credentials (the compile callback `token`) from a URL before it is logged. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&]*/gi, '$1[redacted]');
}

/**
 * Request id (echoed when well-formed, http.md §1.8), common headers, and the single error
 * mapping: `HttpFailure` → its envelope, anything else → logged with the request id and answered
 * 500 `GLOBAL_500` without internals. (The access log is an `HttpRequestObserver`.)
 */
export function requestContextMiddleware(logger: Logger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const incoming = ctx.get('x-request-id');
    const requestId = REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    ctx.set('X-Content-Type-Options', 'nosniff');
    if (ctx.path.startsWith('/api/')) ctx.set('Cache-Control', 'no-store');
    try {
      await next();
    } catch (e) {
      if (e instanceof HttpFailure) {
        const body = envelope(e.error);
        ctx.status = body.status;
        ctx.body = body;
        if (e.error.retryAfterS !== undefined) ctx.set('Retry-After', String(Math.max(1, Math.ceil(e.error.retryAfterS))));
      } else {
        logger.error({ err: e, requestId, method: ctx.method, url: redactUrl(ctx.url) }, 'unhandled error');
        const body = envelope('GLOBAL_500');
        ctx.status = 500;
        ctx.body = body;
      }
    }
  };
}
