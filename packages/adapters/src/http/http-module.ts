import type { Router } from '@koa/router';

/** A group of routes (one per bounded context) that registers itself on the app's router. */
export interface HttpModule {
  /** Registers the module's routes. Literal segments must be registered before placeholders. */
  register(router: Router): void;
}
