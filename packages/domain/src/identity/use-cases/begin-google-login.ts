import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { SecureRandom } from '../../shared/secure-random';
import type { OAuthIdentityProvider, PendingOAuthLogin } from '../ports/oauth-identity-provider';
import type { OAuthStateStore } from '../ports/oauth-state-store';

/** How long a started Google sign-in may take before its callback is refused (http.md §2: 10 minutes). */
export const GOOGLE_LOGIN_TTL_S = 600;

/** What the login route needs to send the browser to the provider. */
export interface GoogleLoginStart {
  /** Opaque id of the pending sign-in: the value of the `oauthState` cookie. */
  readonly loginId: string;
  /** Where to redirect the browser (the provider's authorization endpoint with every parameter). */
  readonly authorizationUrl: string;
  /** Lifetime of the pending sign-in in seconds: the cookie's Max-Age. */
  readonly ttlS: number;
}

/**
 * Starts a Google sign-in (`GET /api/auth/google/login`): draws a fresh state, PKCE verifier and nonce
 * (256 bits each), asks the provider for the authorization URL, and keeps the secrets server-side under a
 * new opaque id for `ttlS` seconds. A provider whose metadata cannot be fetched answers `GLOBAL_503`
 * (the feature is unavailable); nothing is stored then.
 */
export class BeginGoogleLogin {
  constructor(
    private readonly provider: OAuthIdentityProvider,
    private readonly store: OAuthStateStore,
    private readonly random: SecureRandom,
    private readonly ttlS = GOOGLE_LOGIN_TTL_S,
  ) {}

  async execute(): Promise<Result<GoogleLoginStart, DomainError>> {
    const pending: PendingOAuthLogin = { state: this.random.token(32), codeVerifier: this.random.token(32), nonce: this.random.token(32) };
    const url = await this.provider.authorizationUrl(pending);
    if (!url.ok) return err(domainError('GLOBAL_503'));
    const loginId = this.random.token(32);
    await this.store.put(loginId, pending, this.ttlS);
    return ok({ loginId, authorizationUrl: url.value, ttlS: this.ttlS });
  }
}
