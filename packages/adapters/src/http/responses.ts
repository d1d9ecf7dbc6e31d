import type { Context } from 'koa';
import type { WireCode } from '../wire';
import { envelope } from './envelope';

/** Answers with the envelope of `code` (its own HTTP status) carrying `data`. */
export function sendEnvelope(ctx: Context, code: WireCode, data?: unknown): void {
  const body = envelope(code, data);
  ctx.status = body.status;
  ctx.body = body;
}

/** Answers a RAW (un-enveloped) JSON body with status 200 (http.md §1.3). */
export function sendRaw(ctx: Context, body: unknown, status = 200): void {
  ctx.status = status;
  ctx.body = body;
}

/** Answers 200 with an empty body (RAW end/kick). */
export function sendEmpty(ctx: Context): void {
  ctx.status = 200;
  ctx.body = '';
  ctx.type = 'application/json';
}
