import type { Result } from '../../shared/result';

/**
 * The secrets of one sign-in in progress, created when the user is sent to the provider and needed
 * again on the way back. They never leave the server: the browser only carries an opaque id.
 */
export interface PendingOAuthLogin {
  /** The `state` parameter sent to the provider; the callback must echo it exactly. */
  readonly state: string;
  /** The PKCE code verifier (43–128 unreserved characters); only its S256 challenge is sent. */
  readonly codeVerifier: string;
  /** The `nonce` sent to the provider; the ID token must carry it exactly. */
  readonly nonce: string;
}

/** Who the provider says signed in. Only returned after every ID-token check has passed. */
export interface OAuthIdentity {
  /** The provider's stable subject id (`sub`). */
  readonly subject: string;
  /** The email address as the provider reports it (not normalised). */
  readonly email: string;
  /** True only when the provider states that it verified the address (`email_verified`). */
  readonly emailVerified: boolean;
  /** The display name (`name`), or null when the provider gave none. */
  readonly name: string | null;
}

/**
 * Why an exchange failed: `exchange_failed` — no tokens were obtained (the provider answered with an
 * error, rejected the code or the PKCE verifier, could not be reached, or timed out);
 * `invalid_token` — tokens came back but the ID token (issuer, audience, nonce, expiry, signature) or the
 * userinfo call did not pass.
 */
export type OAuthExchangeFailure = 'exchange_failed' | 'invalid_token';

/**
 * An OpenID Connect provider used for "sign in with …" (Google). Implementations discover the provider's
 * endpoints themselves and never throw for provider misbehaviour: they answer with a failure value.
 */
export interface OAuthIdentityProvider {
  /**
   * The URL of the provider's authorization endpoint to send the browser to for `pending` (authorization
   * code flow, PKCE S256, scopes `openid email profile`). `unavailable` when the provider's metadata cannot
   * be obtained (the feature is then unavailable).
   */
  authorizationUrl(pending: PendingOAuthLogin): Promise<Result<string, 'unavailable'>>;
  /**
   * Redeems the authorization code of a callback whose `state` already matched `pending.state`.
   * `callbackParams` are the query parameters the provider appended to the redirect URI (`code`, `state`,
   * and `iss` when it sends one). Resolves to the verified identity or a failure; never rejects.
   */
  exchange(callbackParams: Readonly<Record<string, string>>, pending: PendingOAuthLogin): Promise<Result<OAuthIdentity, OAuthExchangeFailure>>;
}
