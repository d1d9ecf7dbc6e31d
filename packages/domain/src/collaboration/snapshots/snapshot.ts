/** Languages a snapshot may be saved in. */
export type SnapshotLanguage = 'JAVA' | 'PYTHON' | 'CSS_HTML_JS';
export const SNAPSHOT_LANGUAGES: readonly SnapshotLanguage[] = ['JAVA', 'PYTHON', 'CSS_HTML_JS'];

/** A user's saved copy of their code in one class. Only its owner ever sees it. */
export interface Snapshot {
  readonly id: number;
  readonly userId: number;
  readonly classId: number;
  /** 1–255 characters, not blank. */
  readonly title: string;
  /** Not blank, at most `SNAPSHOT_MAX_CHARS` characters. */
  readonly content: string;
  readonly language: SnapshotLanguage;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The fields of a snapshot to create; the repository assigns `id`. */
export type NewSnapshot = Omit<Snapshot, 'id'>;

/** Parses a language name case-insensitively (`java` → `JAVA`), or returns null. */
export function parseSnapshotLanguage(value: string | undefined): SnapshotLanguage | null {
  if (value === undefined) return null;
  const upper = value.toUpperCase();
  return (SNAPSHOT_LANGUAGES as readonly string[]).includes(upper) ? (upper as SnapshotLanguage) : null;
}
