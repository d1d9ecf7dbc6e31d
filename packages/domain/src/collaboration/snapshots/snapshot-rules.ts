import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';

/** Longest snapshot title, in UTF-16 code units. */
export const SNAPSHOT_TITLE_MAX = 255;

/**
 * Title and content rules of create and update (http.md §6), in order: blank title `SNAPSHOT_009`,
 * title over 255 `SNAPSHOT_010`, blank content `SNAPSHOT_006`, content over `maxChars` `SNAPSHOT_013`.
 * Lengths count UTF-16 code units; values are stored as sent (not trimmed).
 */
export function checkSnapshotText(title: string | undefined, content: string | undefined, maxChars: number): DomainError | null {
  if (title === undefined || title.trim() === '') return domainError('SNAPSHOT_009');
  if (title.length > SNAPSHOT_TITLE_MAX) return domainError('SNAPSHOT_010');
  if (content === undefined || content.trim() === '') return domainError('SNAPSHOT_006');
  if (content.length > maxChars) return domainError('SNAPSHOT_013');
  return null;
}
