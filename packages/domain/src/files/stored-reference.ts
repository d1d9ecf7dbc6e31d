/**
 * Image fields (`User.profileImageUrl`, `ClassRoom.thumbnailUrl`) hold either an absolute URL (set
 * outside the application, e.g. seed data) or a reference to an object of the `FileStorage`,
 * `storage:<key>`. The transport turns references into short-lived signed URLs when it presents them.
 */
const PREFIX = 'storage:';

/** The reference stored for the object at `key`. */
export function storedReference(key: string): string {
  return PREFIX + key;
}

/** The storage key a field refers to, or `null` (no image, or an outside URL). */
export function storageKeyOf(value: string | null): string | null {
  return value !== null && value.startsWith(PREFIX) ? value.slice(PREFIX.length) : null;
}
