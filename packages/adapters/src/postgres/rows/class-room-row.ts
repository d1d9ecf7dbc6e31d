/**
 * A `classes` row as the classroom queries select it: ids as strings (bigint), dates as `YYYY-MM-DD`
 * and times as `HH:mm:ss` text (selected with `to_char`, so no driver time-zone conversion applies).
 */
export interface ClassRoomRow {
  id: string;
  title: string;
  description: string | null;
  instructor_id: string;
  online: boolean;
  active: boolean;
  mode: string;
  start_date: string;
  end_date: string;
  start_time: string;
  end_time: string;
  thumbnail_url: string | null;
  created_at: Date;
  updated_at: Date;
}
