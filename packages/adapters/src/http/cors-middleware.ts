import type { Context, Next } from 'koa';
import { envelope } from './envelope';
import { isOriginExemptPath } from './origin-exempt-paths';
import { OriginPolicy } from './origin-policy';

/**
 * CORS and the Origin check (http.md §1.6). Allowed origins get the CORS headers on every response
 * (errors included) and a 204 preflight; refused origins get 403 `GLOBAL_403` with no CORS headers,
 * except on the token- and signature-authenticated routes of `isOriginExemptPath`.
 */
export function corsMiddleware(policy: OriginPolicy) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const origin = ctx.get('origin') || undefined;
    const kind = policy.classify(origin);
    if (kind === 'refused' && !isOriginExemptPath(ctx.path)) {
      const body = envelope('GLOBAL_403');
      ctx.status = body.status;
      ctx.body = body;
      return;
    }
    if (kind === 'cors' && origin) {
      ctx.set(OriginPolicy.corsHeaders(origin));
      if (ctx.method === 'OPTIONS' && ctx.get('access-control-request-method')) {
        ctx.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
        const requested = ctx.get('access-control-request-headers');
        if (requested) ctx.set('Access-Control-Allow-Headers', requested);
        ctx.set('Access-Control-Max-Age', '1800');
        ctx.status = 204;
        return;
      }
    }
    await next();
  };
}
