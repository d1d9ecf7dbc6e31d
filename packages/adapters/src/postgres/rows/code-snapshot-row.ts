import { EntitySchema } from 'typeorm';

/** A `code_snapshots` row exactly as stored (ids arrive from pg as strings). */
export interface CodeSnapshotRow {
  id: string;
  user_id: string;
  class_id: string;
  title: string;
  content: string;
  language: string;
  created_at: Date;
  updated_at: Date;
}

/** Row schema of `code_snapshots`. */
export const CodeSnapshotRowSchema = new EntitySchema<CodeSnapshotRow>({
  name: 'CodeSnapshotRow',
  tableName: 'code_snapshots',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    user_id: { type: 'bigint' },
    class_id: { type: 'bigint' },
    title: { type: 'varchar' },
    content: { type: 'text' },
    language: { type: 'varchar' },
    created_at: { type: 'timestamptz' },
    updated_at: { type: 'timestamptz' },
  },
});
