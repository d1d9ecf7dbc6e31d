import type { Context, Next } from 'koa';
import { discardRest } from './discard-rest';
import { HttpFailure } from './http-failure';
import { wireError } from '../wire';

/** Default JSON body limit: 1 MiB (http.md §1.1). */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** True for `application/json` and any `+json` type, parameters allowed. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^[a-z0-9.+-]+\/[a-z0-9.+-]*\+json$/.test(type);
}

/**
 * Reads the raw request body up to `limitBytes` (413 `GLOBAL_413` beyond it, checked on the declared
 * length first, then while reading, so a chunked body is bounded too). Resolves to the bytes read.
 * The rest of an oversized body is drained (`discardRest`) so the client receives the 413 instead of a
 * connection reset; a client that aborts mid-body gets 400 `GLOBAL_400`, which it will not read.
 */
export function readRawBody(ctx: Context, limitBytes: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || '0');
  if (declared > limitBytes) return Promise.reject(new HttpFailure(wireError('GLOBAL_413')));
  const req = ctx.req;
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    // The error listener stays: an 'error' after the promise settled must not go unhandled.
    const stop = () => {
      settled = true;
      req.off('data', onData).off('end', onEnd).off('aborted', onAbort);
    };
    function onData(chunk: Buffer) {
      total += chunk.length;
      if (total <= limitBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      discardRest(req);
      reject(new HttpFailure(wireError('GLOBAL_413')));
    }
    function onEnd() {
      stop();
      resolve(Buffer.concat(chunks));
    }
    function onAbort() {
      if (settled) return;
      stop();
      reject(new HttpFailure(wireError('GLOBAL_400')));
    }
    req.on('data', onData).once('end', onEnd).on('error', onAbort).once('aborted', onAbort);
  });
}

/**
 * Parses the body as a JSON object per http.md §1.1: a non-JSON content type is 415 `GLOBAL_415`;
 * missing/empty body, invalid JSON or a non-object is 400 `GLOBAL_400`.
 */
export async function readJsonObject(ctx: Context, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<Record<string, unknown>> {
  const raw = await readRawBody(ctx, limitBytes);
  if (!isJsonContentType(ctx.get('content-type') || undefined)) {
    throw new HttpFailure(wireError(raw.length === 0 && !ctx.get('content-type') ? 'GLOBAL_400' : 'GLOBAL_415'));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpFailure(wireError('GLOBAL_400'));
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new HttpFailure(wireError('GLOBAL_400'));
  }
  return parsed as Record<string, unknown>;
}

/** Middleware that parses the JSON object body into `ctx.state.body`. Place it after authentication. */
export function jsonBody(limitBytes = DEFAULT_BODY_LIMIT_BYTES) {
  return async (ctx: Context, next: Next): Promise<void> => {
    ctx.state.body = await readJsonObject(ctx, limitBytes);
    await next();
  };
}
