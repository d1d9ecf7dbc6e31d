import type { Clock, DeleteLectureFiles, FileStorage, ListLectureFiles, RecordLectureFiles, SetClassThumbnail, SetProfileImage } from '@sooscode/domain';
import type { SignedFileUrls } from '../../storage/signed-file-urls';
import type { Logger } from '../../system/logger';
import type { AuthGuards } from '../auth-middleware';

/** What the file routes need (http.md §12 storage endpoints and the signed download route). */
export interface FileRouteDeps {
  readonly guards: AuthGuards;
  readonly logger: Logger;
  readonly clock: Clock;
  /** APP_TIME_ZONE, for `createdAt`. */
  readonly timeZone: string;
  readonly storage: FileStorage;
  /** `stream`: the API serves the bytes (local disk); `redirect`: 302 to the store's presigned URL (S3). */
  readonly download: 'stream' | 'redirect';
  readonly urls: SignedFileUrls;
  /** Lifetime of the URLs handed to clients, seconds. */
  readonly urlTtlS: number;
  readonly recordLectureFiles: RecordLectureFiles;
  readonly listLectureFiles: ListLectureFiles;
  readonly deleteLectureFiles: DeleteLectureFiles;
  readonly setProfileImage: SetProfileImage;
  readonly setClassThumbnail: SetClassThumbnail;
}
