import type { PendingOAuthLogin } from './oauth-identity-provider';

/**
 * Sign-ins in progress, keyed by the opaque id carried in the `oauthState` cookie. Entries are short-lived
 * and single use: whoever takes an entry first gets it, every later take sees nothing.
 */
export interface OAuthStateStore {
  /** Stores `login` under `id` for `ttlS` seconds (at least 1). Replaces an entry with the same id. */
  put(id: string, login: PendingOAuthLogin, ttlS: number): Promise<void>;
  /**
   * Removes and returns the entry of `id`, atomically: of concurrent takes of one id at most one gets it.
   * Null when unknown, already taken, or expired.
   */
  take(id: string): Promise<PendingOAuthLogin | null>;
}
