import type { Router } from '@koa/router';
import type { HttpModule } from '../http-module';
import { buildOpenApi, type RouteKey } from '../openapi/build-openapi';
import { ROUTE_CATALOGUE } from '../openapi/route-catalogue';

/** Every method and path template registered on `router` (HEAD, added by the router for GET, left out). */
export function routesOf(router: Router): RouteKey[] {
  return router.stack.flatMap((layer) =>
    layer.methods.filter((m) => m !== 'HEAD').map((method) => ({ method, path: String(layer.path) })),
  );
}

/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document of every route on the router, built on the first
 * request (after every module registered its routes) from `ROUTE_CATALOGUE`. Public.
 */
export class OpenApiRoutes implements HttpModule {
  private document: string | undefined;

  constructor(private readonly version: string) {}

  register(router: Router): void {
    router.get('/api/openapi.json', (ctx) => {
      this.document ??= JSON.stringify(buildOpenApi(routesOf(router), ROUTE_CATALOGUE, this.version));
      ctx.type = 'application/json';
      ctx.body = this.document;
    });
  }
}
