import type { Context, Next } from 'koa';
import type { Router } from '@koa/router';
import { HttpFailure } from './http-failure';
import { wireError } from '../wire';

/** 404 `GLOBAL_404` for an unknown path, 405 `GLOBAL_405` with `Allow` for a known path and another method. */
function refuseUnrouted(router: Router, ctx: Context): never {
  const match = router.match(ctx.path, ctx.method);
  const routed = match.path.filter((layer) => layer.methods.length > 0);
  if (routed.length === 0) throw new HttpFailure(wireError('GLOBAL_404'));
  const allow = new Set<string>();
  for (const layer of routed) for (const m of layer.methods) allow.add(m);
  ctx.set('Allow', [...allow].join(', '));
  throw new HttpFailure(wireError('GLOBAL_405'));
}

function isRouted(router: Router, ctx: Context): boolean {
  return router.match(ctx.path, ctx.method).pathAndMethod.some((layer) => layer.methods.length > 0);
}

/**
 * Runs before the router. A declared body over `limitBytes` is 413 `GLOBAL_413`, unless the path or
 * method is unknown (404/405 come first, http.md §1.5). The route match is only computed for such
 * bodies, so ordinary requests pay for matching once, in the router. `largeBodyPaths` (the upload
 * routes, exact paths or `prefix*`) are left to their route, which enforces its own limits while reading.
 */
export function bodyLimitMiddleware(router: Router, limitBytes: number, largeBodyPaths: readonly string[] = []) {
  const exempt = (path: string) => largeBodyPaths.some((p) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p));
  return async (ctx: Context, next: Next): Promise<void> => {
    const declared = Number(ctx.get('content-length') || '0');
    if (declared > limitBytes && !exempt(ctx.path)) {
      if (!isRouted(router, ctx)) refuseUnrouted(router, ctx);
      throw new HttpFailure(wireError('GLOBAL_413'));
    }
    await next();
  };
}

/** Runs after the router: a request no route handled is 404 or 405 (with `Allow`). */
export function unroutedMiddleware(router: Router) {
  return async (ctx: Context): Promise<void> => {
    refuseUnrouted(router, ctx);
  };
}
