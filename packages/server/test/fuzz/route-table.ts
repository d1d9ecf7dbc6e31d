import type { HttpModule } from '@sooscode/adapters/http/http-module';
import { HealthRoutes } from '@sooscode/adapters/http/routes/health-routes';
import type { Container } from 'inversify';
import { TOKENS } from '../../src/tokens';

/** One served route: a method and the router's path template (`:name` placeholders). */
export interface RouteEntry {
  readonly method: string;
  readonly path: string;
  /** The placeholder names of `path`, in order. */
  readonly params: readonly string[];
}

type RouterLike = Parameters<HttpModule['register']>[0];

/**
 * The routes the server's router serves, read by registering every HTTP module of the container
 * (plus the health routes the entry point adds) on a recording router: never a hand-kept list.
 */
export function servedRoutes(container: Container): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const recorder: Record<string, unknown> = {};
  for (const method of ['get', 'post', 'put', 'delete', 'patch']) {
    recorder[method] = (path: string) => {
      routes.push({ method: method.toUpperCase(), path, params: [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!) });
      return recorder;
    };
  }
  const modules = [new HealthRoutes([]), ...container.getAll<HttpModule>(TOKENS.HttpModules)];
  for (const module of modules) module.register(recorder as unknown as RouterLike);
  return routes;
}
