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
