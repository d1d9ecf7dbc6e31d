import type { Context } from 'koa';
import { DetailReason, invalidField, invalidParam, isLocalDate, isSupportedLocalDate, parseLocalTime, type ClassInput } from '@sooscode/domain';
import { BodyFields } from '../body-fields';
import { failWith, HttpFailure } from '../http-failure';
import { queryString } from '../params';

/**
 * Checks a LocalDate input: not `YYYY-MM-DD` or not a real date → `<name>: 형식이 올바르지 않습니다`;
 * a real date outside `SUPPORTED_DATES` → `<name>: 허용되지 않는 값입니다`. `invalid` builds the code
 * of the place the value came from (`GLOBAL_411` for a parameter, `GLOBAL_410` for a body field).
 */
function checkLocalDate(v: string | undefined, name: string, invalid: typeof invalidParam): string | undefined {
  if (v === undefined) return undefined;
  if (!isLocalDate(v)) throw new HttpFailure(invalid(name, DetailReason.format));
  if (!isSupportedLocalDate(v)) throw new HttpFailure(invalid(name, DetailReason.notAllowed));
  return v;
}

/** A `YYYY-MM-DD` query parameter inside `SUPPORTED_DATES`, else 400 `GLOBAL_411`. */
export function queryLocalDate(ctx: Context, name: string): string | undefined {
  return checkLocalDate(queryString(ctx, name), name, invalidParam);
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
  if (raw.startsWith('-') || /^\+?0+$/.test(raw)) failWith('FILE_020');
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new HttpFailure(invalidParam(name, DetailReason.format));
  return n;
}

/** A body LocalDate field inside `SUPPORTED_DATES`, else 400 `GLOBAL_410` with detail. */
export function bodyLocalDate(body: BodyFields, name: string): string | undefined {
  return checkLocalDate(body.string(name), name, invalidField);
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
    title: body.text('title'),
    description: body.text('description'),
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
