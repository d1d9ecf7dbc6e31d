import type { Role } from './user';

/** The authenticated caller of a request or STOMP session. Role and name come from the user record. */
export interface Principal {
  readonly userId: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** The user's profile image URL, or null for the default (read with the user record). */
  readonly profileImageUrl: string | null;
  /** The session family the credential belongs to. */
  readonly familyId: string;
  /** Expiry of the presented access token, or null when authenticated otherwise (refresh-token fallback). */
  readonly tokenExpiresAt: Date | null;
}
