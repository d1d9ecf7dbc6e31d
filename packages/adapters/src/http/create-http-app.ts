import Koa from 'koa';
import { Router } from '@koa/router';
import type { Logger } from '../system/logger';
import { corsMiddleware } from './cors-middleware';
import type { HttpModule } from './http-module';
import { DEFAULT_BODY_LIMIT_BYTES } from './json-body';
import type { OriginPolicy } from './origin-policy';
import { requestContextMiddleware } from './request-context-middleware';
import { requestObserverMiddleware, type HttpRequestObserver } from './request-observer';
import { bodyLimitMiddleware, unroutedMiddleware } from './route-fallback-middleware';

/** Options of the Koa application. */
export interface HttpAppOptions {
  readonly logger: Logger;
  readonly originPolicy: OriginPolicy;
  readonly modules: readonly HttpModule[];
  /** Trust `X-Forwarded-For` for the client address (TRUST_PROXY). */
  readonly trustProxy: boolean;
  /** Largest accepted request body in bytes; default 1 MiB. */
  readonly bodyLimitBytes?: number;
  /** Upload routes (exact paths, or `prefix*`) exempt from `bodyLimitBytes`: they enforce their own limits. */
  readonly largeBodyPaths?: readonly string[];
  /** Told about every answered request (access log, metrics), outermost. */
  readonly observers?: readonly HttpRequestObserver[];
}

/**
 * Builds the Koa app: request context and error mapping, CORS/Origin, 404/405/413 precedence,
 * then the routes of every module. Bodies are read by the routes that take them.
 */
export function createHttpApp(options: HttpAppOptions): Koa {
  const app = new Koa({ proxy: options.trustProxy });
  app.silent = true;
  const router = new Router({ sensitive: true, strict: true });
  for (const module of options.modules) module.register(router);
  if (options.observers?.length) app.use(requestObserverMiddleware(options.observers));
  app.use(requestContextMiddleware(options.logger));
  app.use(corsMiddleware(options.originPolicy));
  app.use(bodyLimitMiddleware(router, options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES, options.largeBodyPaths));
  app.use(router.routes());
  app.use(unroutedMiddleware(router));
  app.on('error', (err: unknown) => options.logger.warn({ err }, 'koa error'));
  return app;
}
