import type { Context } from 'koa';
import { failWith } from '../http-failure';

/** The answer of every deferred endpoint once its caller is authenticated and authorised (http.md §12). */
export function notYetServed(_ctx: Context): never {
  failWith('GLOBAL_503');
}
