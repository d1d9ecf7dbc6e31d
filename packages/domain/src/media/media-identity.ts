import type { MediaRole } from './grant-policy';

const IDENTITY = /^user-([1-9][0-9]{0,15})$/;

/** The LiveKit participant identity of a user: `"user-<userId>"`, e.g. `"user-7"`. */
export function mediaIdentityOf(userId: number): string {
  if (!Number.isSafeInteger(userId) || userId < 1) throw new RangeError('userId must be a positive safe integer');
  return `user-${userId}`;
}

/**
 * The user id inside a participant identity, or `null` when the identity is not the
 * canonical `"user-<userId>"` form this API issues (no sign, no leading zeros), so a foreign
 * identity can never alias a user.
 */
export function userIdOfMediaIdentity(identity: string): number | null {
  const match = IDENTITY.exec(identity);
  if (!match) return null;
  const userId = Number(match[1]);
  return Number.isSafeInteger(userId) ? userId : null;
}

/**
 * The participant metadata of a video token: a JSON string (not an object), e.g.
 * `{"role":"STUDENT","userId":7}`. Clients read `JSON.parse(metadata).role`.
 */
export function mediaMetadataOf(role: MediaRole, userId: number): string {
  return JSON.stringify({ role, userId });
}
