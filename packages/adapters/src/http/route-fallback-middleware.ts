import type { Context, Next } from 'koa';
import type { Router } from '@koa/router';
import { domainError } from '@sooscode/domain';
import { HttpFailure } from './http-failure';

/**
 * Runs before the router: an unknown path is 404 `GLOBAL_404`, a known path with an unserved method
 * is 405 `GLOBAL_405` with an `Allow` header, and a declared body over `limitBytes` is 413 `GLOBAL_413`
 * (the precedence of http.md §1.5).
 */
export function routeFallbackMiddleware(router: Router, limitBytes: number) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const match = router.match(ctx.path, ctx.method);
    const routed = match.path.filter((layer) => layer.methods.length > 0);
    if (routed.length === 0) throw new HttpFailure(domainError('GLOBAL_404'));
    if (!match.pathAndMethod.some((layer) => layer.methods.length > 0)) {
      const allow = new Set<string>();
      for (const layer of routed) for (const m of layer.methods) allow.add(m);
      ctx.set('Allow', [...allow].join(', '));
      throw new HttpFailure(domainError('GLOBAL_405'));
    }
    const declared = Number(ctx.get('content-length') || '0');
    if (declared > limitBytes) throw new HttpFailure(domainError('GLOBAL_413'));
    await next();
  };
}
