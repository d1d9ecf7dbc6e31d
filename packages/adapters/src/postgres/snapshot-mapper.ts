import type { Snapshot, SnapshotLanguage } from '@sooscode/domain';
import type { CodeSnapshotRow } from './rows/code-snapshot-row';
import { decodeVerbatim } from './verbatim-text';

/** Row → domain. */
export function toSnapshot(row: CodeSnapshotRow): Snapshot {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    classId: Number(row.class_id),
    title: row.title,
    content: decodeVerbatim(row.content),
    language: row.language as SnapshotLanguage,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
