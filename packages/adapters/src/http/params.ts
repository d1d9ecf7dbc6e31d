import type { Context } from 'koa';
import { DetailReason, invalidParam } from '@sooscode/domain';
import { HttpFailure } from './http-failure';
import { isStorableText } from './storable-text';

const MAX_ID = Number.MAX_SAFE_INTEGER;

/** Parses a path id: a positive decimal integer ≤ 2^53−1, else 400 `GLOBAL_411` (http.md §0). */
export function pathId(ctx: Context, name: string): number {
  const raw = (ctx.params as Record<string, string | undefined>)[name] ?? '';
  if (!/^\d{1,16}$/.test(raw)) throw new HttpFailure(invalidParam(name, DetailReason.format));
  const n = Number(raw);
  if (n <= 0 || n > MAX_ID) throw new HttpFailure(invalidParam(name, DetailReason.format));
  return n;
}

/** The first occurrence of a query parameter; an empty value counts as absent (http.md §1.1). */
export function queryString(ctx: Context, name: string): string | undefined {
  const v = ctx.query[name];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined || first === '' ? undefined : first;
}

/** A required query parameter, else 400 `GLOBAL_411` with detail. */
export function requiredQuery(ctx: Context, name: string): string {
  const v = queryString(ctx, name);
  if (v === undefined) throw new HttpFailure(invalidParam(name, DetailReason.missing));
  return v;
}

/**
 * A query parameter matched against database text (a keyword, a title, an email): a value holding
 * U+0000 or an unpaired surrogate is 400 `GLOBAL_411` `<name>: 형식이 올바르지 않습니다`.
 */
export function queryText(ctx: Context, name: string): string | undefined {
  const v = queryString(ctx, name);
  if (v !== undefined && !isStorableText(v)) throw new HttpFailure(invalidParam(name, DetailReason.format));
  return v;
}

/** A required `queryText`, else 400 `GLOBAL_411` with detail. */
export function requiredQueryText(ctx: Context, name: string): string {
  const v = queryText(ctx, name);
  if (v === undefined) throw new HttpFailure(invalidParam(name, DetailReason.missing));
  return v;
}

/** An optional decimal integer query parameter; a bad format is 400 `GLOBAL_411`. */
export function queryInt(ctx: Context, name: string): number | undefined {
  const v = queryString(ctx, name);
  if (v === undefined) return undefined;
  if (!/^-?\d{1,16}$/.test(v) || !Number.isSafeInteger(Number(v))) throw new HttpFailure(invalidParam(name, DetailReason.format));
  return Number(v);
}

/** A required positive id in the query (e.g. `classId`), else 400 `GLOBAL_411`. */
export function requiredQueryId(ctx: Context, name: string): number {
  const v = requiredQuery(ctx, name);
  if (!/^\d{1,16}$/.test(v) || Number(v) <= 0 || !Number.isSafeInteger(Number(v))) {
    throw new HttpFailure(invalidParam(name, DetailReason.format));
  }
  return Number(v);
}

/** Paging per http.md §1.1: page < 0 → 0; size ≤ 0 → `defaultSize`; size > 1000 → 1000. */
export function paging(ctx: Context, defaultSize: number): { page: number; size: number } {
  const page = Math.max(0, queryInt(ctx, 'page') ?? 0);
  const rawSize = queryInt(ctx, 'size');
  const size = rawSize === undefined || rawSize <= 0 ? defaultSize : Math.min(rawSize, 1000);
  return { page, size };
}
