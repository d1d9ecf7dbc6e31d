import type { Role } from '@sooscode/domain';
import { wallClock } from '@sooscode/domain';

const ROLE_LABELS: Record<Role, string> = { ADMIN: '관리자', INSTRUCTOR: '강사', STUDENT: '학생' };

/** 구분 of a user: 관리자, 강사 or 학생. */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** An instant as `yyyy-MM-dd HH:mm:ss` wall-clock time in `timeZone` (APP_TIME_ZONE). */
export function sheetDateTime(instant: Date, timeZone: string): string {
  const { date, time } = wallClock(instant, timeZone);
  return `${date} ${time}`;
}

/** The daily slot of a class as `HH:mm ~ HH:mm` (times are `HH:mm:ss`). */
export function sheetTimeRange(startTime: string, endTime: string): string {
  return `${startTime.slice(0, 5)} ~ ${endTime.slice(0, 5)}`;
}

/** 온라인 or 오프라인. */
export function deliveryLabel(online: boolean): string {
  return online ? '온라인' : '오프라인';
}

/** 활성 or 비활성. */
export function activeLabel(active: boolean): string {
  return active ? '활성' : '비활성';
}

/** `yyyyMMdd` of an instant in `timeZone`, for file names. */
export function fileDate(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date.replaceAll('-', '');
}
