import type { Context } from 'koa';
import { DetailReason, domainError, invalidField, invalidParam, isLocalDate, parseLocalTime, type ClassInput } from '@sooscode/domain';
import { BodyFields } from '../body-fields';
import { HttpFailure } from '../http-failure';
import { queryString } from '../params';

/** A `YYYY-MM-DD` query parameter (a real date, year 0001–9999), else 400 `GLOBAL_411`. */
export function queryLocalDate(ctx: Context, name: string): string | undefined {
  const v = queryString(ctx, name);
  if (v !== undefined && !isLocalDate(v)) throw new HttpFailure(invalidParam(name, DetailReason.format));
  return v;
}

/** An `HH:mm[:ss]` query parameter as canonical `HH:mm:ss`, else 400 `GLOBAL_411`. */
export function queryLocalTime(ctx: Context, name: string): string | undefined {
  const v = queryString(ctx, name);
  if (v === undefined) return undefined;
  const time = parseLocalTime(v);
  if (time === null) throw new HttpFailure(invalidParam(name, DetailReason.format));
  return time;
}

/**
 * The `{classId}` of `GET /api/mypage/detail/{classId}` (http.md §7): an integer ≤ 0 is 400 `FILE_020`
 * (the old rule); anything that is not a decimal integer, or is above 2^53−1, is 400 `GLOBAL_411`.
 */
export function myPageClassId(ctx: Context, name: string): number {
  const raw = (ctx.params as Record<string, string | undefined>)[name] ?? '';
  if (!/^[-+]?\d+$/.test(raw)) throw new HttpFailure(invalidParam(name, DetailReason.format));
  if (raw.startsWith('-') || /^\+?0+$/.test(raw)) throw new HttpFailure(domainError('FILE_020'));
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new HttpFailure(invalidParam(name, DetailReason.format));
  return n;
}

/** A body LocalDate field, else 400 `GLOBAL_410` with detail. */
export function bodyLocalDate(body: BodyFields, name: string): string | undefined {
  const v = body.string(name);
  if (v !== undefined && !isLocalDate(v)) throw new HttpFailure(invalidField(name, DetailReason.format));
  return v;
}

/** A body LocalTime field (`HH:mm` or `HH:mm:ss`) as canonical `HH:mm:ss`, else 400 `GLOBAL_410`. */
export function bodyLocalTime(body: BodyFields, name: string): string | undefined {
  const v = body.string(name);
  if (v === undefined) return undefined;
  const time = parseLocalTime(v);
  if (time === null) throw new HttpFailure(invalidField(name, DetailReason.format));
  return time;
}

/**
 * The admin class body (http.md §11), type- and format-checked the way Jackson binds it before any
 * validation runs: wrong types and bad date/time formats are 400 `GLOBAL_410`.
 */
export function classInputOf(raw: Record<string, unknown>): ClassInput {
  const body = new BodyFields(raw);
  const input: Record<string, unknown> = {
    title: body.string('title'),
    description: body.string('description'),
    instructorId: body.integer('instructorId'),
    isOnline: body.boolean('isOnline'),
    startDate: bodyLocalDate(body, 'startDate'),
    endDate: bodyLocalDate(body, 'endDate'),
    startTime: bodyLocalTime(body, 'startTime'),
    endTime: bodyLocalTime(body, 'endTime'),
  };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  return input as ClassInput;
}
