/**
 * Parsing and arithmetic of wall-clock LocalDate (`YYYY-MM-DD`) and LocalTime (`HH:mm:ss`) values.
 * Any real calendar date of years 0001–9999 is well-formed; only dates of the supported range
 * (`SUPPORTED_DATES`) are accepted as input.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?$/;

/** True for a real calendar date written `YYYY-MM-DD` (year 0001–9999). */
export function isLocalDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/**
 * The dates the service accepts as input (http.md "Dates"), as wall-clock dates in `APP_TIME_ZONE`:
 * 1900-01-01 to 9999-12-30 inclusive. Every such date, at any time of day and in any zone, is an
 * instant that JavaScript, the wire format (four-digit years) and Postgres all represent exactly;
 * outside it a well-formed date is refused as "not an allowed value", never turned into a 500.
 */
export const SUPPORTED_DATES = { first: '1900-01-01', last: '9999-12-30' } as const;

/** True for a well-formed LocalDate inside `SUPPORTED_DATES` (the `YYYY-MM-DD` form orders as text). */
export function isSupportedLocalDate(value: string): boolean {
  return isLocalDate(value) && value >= SUPPORTED_DATES.first && value <= SUPPORTED_DATES.last;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parses a LocalTime written `HH:mm`, `HH:mm:ss` or `HH:mm:ss.f…` (up to 9 fraction digits) into the
 * canonical `HH:mm:ss` (the fraction is dropped). Returns null for anything else.
 */
export function parseLocalTime(value: string): string | null {
  const m = TIME.exec(value);
  if (!m) return null;
  return `${m[1]}:${m[2]}:${m[3] ?? '00'}`;
}

/** Seconds since midnight of a canonical `HH:mm:ss` time. */
export function secondsOfDay(time: string): number {
  const [h, m, s] = time.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
}

/** The LocalDate `days` days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
