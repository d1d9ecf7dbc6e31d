import type { Snapshot } from '@sooscode/domain';
import { formatLocalDateTime } from '@sooscode/domain';

/** `SnapShotResponse` (http.md §6). */
export function presentSnapshot(s: Snapshot, timeZone: string) {
  return {
    snapshotId: s.id,
    userId: s.userId,
    classId: s.classId,
    title: s.title,
    content: s.content,
    language: s.language,
    createdAt: formatLocalDateTime(s.createdAt, timeZone),
    updatedAt: formatLocalDateTime(s.updatedAt, timeZone),
  };
}

/** `SnapshotTitleResponse` (http.md §6); note the key `codeSnapshotId`. */
export function presentSnapshotTitle(s: Snapshot, timeZone: string) {
  return { codeSnapshotId: s.id, title: s.title, language: s.language, createdAt: formatLocalDateTime(s.createdAt, timeZone) };
}
