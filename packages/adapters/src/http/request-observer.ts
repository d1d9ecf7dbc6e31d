import type { Context, Next } from 'koa';
import type { AppState } from './app-state';

/** Route label of a request no route matched (404, 405, or refused before routing). */
export const UNMATCHED_ROUTE = '(unmatched)';

/** One answered HTTP request, as observers see it. */
export interface AnsweredRequest {
  readonly method: string;
  /** The matched route's template (`/api/class/:classId`), or `(unmatched)`; never the raw path. */
  readonly route: string;
  readonly status: number;
  /** From arrival until the handler and the error mapping finished, in milliseconds. */
  readonly durationMs: number;
  readonly requestId: string | undefined;
  /** The authenticated user, when a route authenticated one. */
  readonly userId: number | undefined;
}

/** Told about every answered request (access log, metrics). Must not throw and must not block. */
export interface HttpRequestObserver {
  requestAnswered(request: AnsweredRequest): void;
}

/**
 * Outermost middleware: times each request and reports it to every observer once the inner
 * middleware (which maps every failure to a status) is done.
 */
export function requestObserverMiddleware(observers: readonly HttpRequestObserver[]) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const state = ctx.state as AppState;
      const matched = (ctx as Context & { _matchedRoute?: string | RegExp })._matchedRoute;
      const answered: AnsweredRequest = {
        method: ctx.method,
        route: typeof matched === 'string' ? matched : UNMATCHED_ROUTE,
        status: ctx.status,
        durationMs: performance.now() - started,
        requestId: state.requestId,
        userId: state.principal?.userId,
      };
      for (const observer of observers) observer.requestAnswered(answered);
    }
  };
}
