/**
 * Wall-clock date and time in the application time zone (`APP_TIME_ZONE`), as the wire uses them:
 * LocalDate `YYYY-MM-DD`, LocalTime `HH:mm:ss`, LocalDateTime `YYYY-MM-DDTHH:mm:ss[.fff]`.
 */
export interface WallClockParts {
  readonly date: string;
  readonly time: string;
  readonly millis: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Splits an instant into wall-clock date, time and milliseconds in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): WallClockParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    millis: instant.getUTCMilliseconds(),
  };
}

/** Formats an instant as a LocalDateTime: fraction digits only when non-zero, trailing zeros removed. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const { date, time, millis } = wallClock(instant, timeZone);
  if (millis === 0) return `${date}T${time}`;
  return `${date}T${time}.${String(millis).padStart(3, '0').replace(/0+$/, '')}`;
}

/** The LocalDate (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (e.g. +540 for Asia/Seoul). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const { date, time } = wallClock(instant, timeZone);
  const asUtc = Date.parse(`${date}T${time}Z`);
  return Math.round((asUtc - (instant.getTime() - instant.getUTCMilliseconds())) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` `time` (`HH:mm:ss[.fff]`).
 * Gaps and overlaps of daylight-saving changes resolve to the earlier offset.
 */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const guess = new Date(`${date}T${time}Z`);
  const offset = zoneOffsetMinutes(guess, timeZone);
  const first = new Date(guess.getTime() - offset * 60_000);
  const offset2 = zoneOffsetMinutes(first, timeZone);
  return offset2 === offset ? first : new Date(guess.getTime() - offset2 * 60_000);
}
