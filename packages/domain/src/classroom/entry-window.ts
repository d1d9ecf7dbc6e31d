import { wallClock } from '../shared/wall-clock';
import type { ClassRoom } from './class-room';
import { addDays, secondsOfDay } from './local-values';

/** How long before `startTime` students may enter, in seconds (10 minutes). */
export const ENTRY_EARLY_S = 600;

/** Where "now" lies relative to a class's daily entry windows. */
export type EntryWindowState = 'OPEN' | 'NOT_STARTED' | 'ENDED';

const DAY_MS = 86_400_000;

/**
 * The entry gate of `GET /api/class/{id}` for students (http.md §4), evaluated on the wall clock of
 * `timeZone`. Each course day D (startDate ≤ D ≤ endDate) has the window
 * [D startTime − 10 min, D endTime], both ends inclusive. Otherwise the calendar day of "now" decides:
 *
 * - before the course, or earlier than today's window on a course day → `NOT_STARTED` (CLASS_003);
 * - after today's endTime on a course day, or after endDate → `ENDED` (CLASS_004), even when another
 *   course day follows (the student is told today's session is over; tomorrow's opens normally).
 *
 * A startTime before 00:10 opens the window on the previous calendar day (e.g. 00:05 opens at 23:55).
 */
export function entryWindowState(room: Pick<ClassRoom, 'startDate' | 'endDate' | 'startTime' | 'endTime'>, now: Date, timeZone: string): EntryWindowState {
  const { date, time, millis } = wallClock(now, timeZone);
  const nowMs = secondsOfDay(time) * 1000 + millis;
  const openMs = (secondsOfDay(room.startTime) - ENTRY_EARLY_S) * 1000;
  const closeMs = secondsOfDay(room.endTime) * 1000;
  const inCourse = (d: string) => room.startDate <= d && d <= room.endDate;
  if (openMs < 0 && inCourse(addDays(date, 1)) && nowMs >= DAY_MS + openMs) return 'OPEN';
  if (date < room.startDate) return 'NOT_STARTED';
  if (date > room.endDate) return 'ENDED';
  if (nowMs < openMs) return 'NOT_STARTED';
  if (nowMs > closeMs) return 'ENDED';
  return 'OPEN';
}
