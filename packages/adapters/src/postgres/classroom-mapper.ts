import type { ClassMode, ClassRoom, NewClassRoom } from '@sooscode/domain';
import type { ClassRoomRow } from './rows/class-room-row';

/** The `classes` columns of alias `c`, with dates and times as text (see `ClassRoomRow`). */
export const CLASS_COLUMNS = `c.id, c.title, c.description, c.instructor_id, c.online, c.active, c.mode,
  to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
  to_char(c.start_time, 'HH24:MI:SS') AS start_time, to_char(c.end_time, 'HH24:MI:SS') AS end_time,
  c.thumbnail_url, c.created_at, c.updated_at`;

/** Row → domain. */
export function toClassRoom(row: ClassRoomRow): ClassRoom {
  return {
    id: Number(row.id),
    title: row.title,
    description: row.description,
    instructorId: Number(row.instructor_id),
    online: row.online,
    active: row.active,
    mode: row.mode as ClassMode,
    startDate: row.start_date,
    endDate: row.end_date,
    startTime: row.start_time,
    endTime: row.end_time,
    thumbnailUrl: row.thumbnail_url,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** Domain → the column values of an insert or update, in `CLASS_WRITE_COLUMNS` order. */
export function classRoomValues(room: NewClassRoom): unknown[] {
  return [
    room.title,
    room.description,
    room.instructorId,
    room.online,
    room.active,
    room.mode,
    room.startDate,
    room.endDate,
    room.startTime,
    room.endTime,
    room.thumbnailUrl,
    room.createdAt,
    room.updatedAt,
  ];
}

/** The writable columns of `classes`, matching `classRoomValues`. */
export const CLASS_WRITE_COLUMNS = [
  'title',
  'description',
  'instructor_id',
  'online',
  'active',
  'mode',
  'start_date',
  'end_date',
  'start_time',
  'end_time',
  'thumbnail_url',
  'created_at',
  'updated_at',
] as const;
