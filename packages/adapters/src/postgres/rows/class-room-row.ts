import { EntitySchema } from 'typeorm';

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

/** Row schema of `classes`; the table is created by migrations, never synchronised. */
export const ClassRoomRowSchema = new EntitySchema<ClassRoomRow>({
  name: 'ClassRoomRow',
  tableName: 'classes',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    title: { type: 'varchar' },
    description: { type: 'varchar', nullable: true },
    instructor_id: { type: 'bigint' },
    online: { type: 'boolean' },
    active: { type: 'boolean' },
    mode: { type: 'varchar' },
    start_date: { type: 'date' },
    end_date: { type: 'date' },
    start_time: { type: 'time' },
    end_time: { type: 'time' },
    thumbnail_url: { type: 'text', nullable: true },
    created_at: { type: 'timestamptz' },
    updated_at: { type: 'timestamptz' },
  },
});
