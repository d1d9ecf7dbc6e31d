import { EntitySchema } from 'typeorm';

/** A `class_participants` row: one enrolment of a student in a class. */
export interface ClassParticipantRow {
  id: string;
  class_id: string;
  user_id: string;
  enrolled_at: Date;
}

/** Row schema of `class_participants` (unique on class_id, user_id). */
export const ClassParticipantRowSchema = new EntitySchema<ClassParticipantRow>({
  name: 'ClassParticipantRow',
  tableName: 'class_participants',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    class_id: { type: 'bigint' },
    user_id: { type: 'bigint' },
    enrolled_at: { type: 'timestamptz' },
  },
});
