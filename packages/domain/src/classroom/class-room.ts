/** The default class mode stored on the class record; the live mode overrides it while a session runs (stomp.md §5.6). */
export type ClassMode = 'READ' | 'FREE';

/**
 * A class (course) as the domain sees it. Dates are LocalDate strings (`YYYY-MM-DD`) and times are
 * LocalTime strings (`HH:mm:ss`), both wall-clock values in `APP_TIME_ZONE`. The class is held on every
 * day from `startDate` to `endDate`, from `startTime` to `endTime` (the daily slot).
 */
export interface ClassRoom {
  readonly id: number;
  readonly title: string;
  /** At most 1000 characters, or null. */
  readonly description: string | null;
  /** The user id of the class's instructor (`inst(c)`); instructor status only ever comes from here. */
  readonly instructorId: number;
  readonly online: boolean;
  /** False once an admin deleted (deactivated) the class. */
  readonly active: boolean;
  readonly mode: ClassMode;
  readonly startDate: string;
  readonly endDate: string;
  readonly startTime: string;
  readonly endTime: string;
  /** Public URL of the thumbnail, or null. */
  readonly thumbnailUrl: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The fields of a class to create; the repository assigns `id`. */
export type NewClassRoom = Omit<ClassRoom, 'id'>;

/** A student's enrolment in a class (`stud(c)`): one per (class, user). */
export interface Enrolment {
  readonly classId: number;
  readonly userId: number;
  readonly enrolledAt: Date;
}
