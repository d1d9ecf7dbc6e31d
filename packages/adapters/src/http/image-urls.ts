import { extensionOf, storageKeyOf, type Clock } from '@sooscode/domain';
import type { SignedFileUrls } from '../storage/signed-file-urls';

/**
 * Turns stored image fields (`profileImageUrl`, `thumbnailUrl`: an outside URL or a
 * `storage:<key>` reference) into what clients get: outside URLs as they are, stored images as
 * short-lived signed URLs of the API's download route (http.md §1.4: `profileImage` is always a full URL).
 */
export class ImageUrls {
  constructor(
    private readonly urls: SignedFileUrls,
    private readonly clock: Clock,
    /** DEFAULT_PROFILE_IMAGE_URL. */
    private readonly defaultProfileImageUrl: string,
    /** Lifetime of the signed URLs, seconds (FILE_URL_TTL_S). */
    private readonly ttlS: number,
  ) {}

  /** The profile image URL of a user; the default image when there is none. */
  profile(stored: string | null): string {
    return this.resolve(stored) ?? this.defaultProfileImageUrl;
  }

  /** A class thumbnail URL, or `null`. */
  thumbnail(stored: string | null): string | null {
    return this.resolve(stored);
  }

  private resolve(stored: string | null): string | null {
    const key = storageKeyOf(stored);
    if (key === null) return stored;
    const fileName = `image.${extensionOf(key) || 'bin'}`;
    return this.urls.urlFor(key, { fileName, disposition: 'inline', expiresInS: this.ttlS }, this.clock.now().getTime());
  }
}
