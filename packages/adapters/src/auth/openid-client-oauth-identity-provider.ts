import { AsyncLocalStorage } from 'node:async_hooks';
import * as oidc from 'openid-client';
import type { OAuthExchangeFailure, OAuthIdentity, OAuthIdentityProvider, PendingOAuthLogin, Result } from '@sooscode/domain';
import { err, ok } from '@sooscode/domain';
import type { Logger } from '../system/logger';

/** Options of {@link OpenIdClientOAuthIdentityProvider}. */
export interface OpenIdClientOptions {
  /** Issuer identifier, used for discovery and as the expected ID-token `iss` (GOOGLE_ISSUER). https, or http on a loopback host. */
  readonly issuer: string;
  readonly clientId: string;
  /** Sent with `client_secret_post`; never logged. */
  readonly clientSecret: string;
  /** The registered redirect URI (GOOGLE_REDIRECT_URI), sent in the authorization and token requests. */
  readonly redirectUri: string;
  /** Other `iss` values accepted in ID tokens. Default: {@link issuerAliases} of `issuer`. */
  readonly issuerAliases?: readonly string[];
  /** Timeout of each request to the provider (discovery, token, JWKS, userinfo), in seconds. Default 10. */
  readonly timeoutS?: number;
  readonly logger: Logger;
}

/** The scopes requested from the provider. */
export const OIDC_SCOPES = 'openid email profile';
const GOOGLE_ISSUER = 'https://accounts.google.com/';

/** Extra ID-token issuers accepted for `issuer`: Google also signs with the bare `accounts.google.com`. */
export function issuerAliases(issuer: string): string[] {
  return new URL(issuer).href === GOOGLE_ISSUER ? ['accounts.google.com'] : [];
}

function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** What one token exchange saw of the token endpoint (per call, through AsyncLocalStorage). */
interface TokenProbe {
  readonly tokenEndpoint: string;
  /** The body of a 2xx token response, once received. */
  tokenBody?: string;
  /** Answer the token request with this body instead of calling the provider (alias re-validation). */
  readonly replay?: string;
}

function payloadIssuer(tokenBody: string): string | undefined {
  try {
    const idToken = (JSON.parse(tokenBody) as { id_token?: unknown }).id_token;
    if (typeof idToken !== 'string') return undefined;
    const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof payload.iss === 'string' ? payload.iss : undefined;
  } catch {
    return undefined;
  }
}

function failureFields(e: unknown): Record<string, unknown> {
  if (e instanceof oidc.ResponseBodyError) return { error: e.error, status: e.status };
  if (e instanceof oidc.AuthorizationResponseError) return { error: e.error };
  if (e instanceof Error) return { name: e.name, code: (e as { code?: unknown }).code, message: e.message };
  return { error: String(e) };
}

/**
 * Sign-in with an OpenID Connect provider (Google) through `openid-client`: lazy, cached discovery of
 * the issuer (a failed discovery is retried on the next use); authorization code flow with PKCE S256,
 * `state` and `nonce`; `client_secret_post`; ID-token checks of issuer, audience, nonce, expiry and
 * signature (JWKS); userinfo when the ID token carries no email. Plain http is allowed only for a loopback
 * issuer (test providers); any other http issuer is refused at construction.
 */
export class OpenIdClientOAuthIdentityProvider implements OAuthIdentityProvider {
  private discovered: Promise<oidc.Configuration> | undefined;
  private readonly probes = new AsyncLocalStorage<TokenProbe>();
  private readonly insecure: boolean;
  private readonly aliases: readonly string[];
  private readonly timeoutS: number;

  constructor(private readonly options: OpenIdClientOptions) {
    const url = new URL(options.issuer);
    this.insecure = url.protocol === 'http:';
    if (this.insecure && !isLoopbackHost(url.hostname)) throw new Error('The OpenID issuer must use https (http only on a loopback host)');
    this.aliases = options.issuerAliases ?? issuerAliases(options.issuer);
    this.timeoutS = options.timeoutS ?? 10;
  }

  async authorizationUrl(pending: PendingOAuthLogin): Promise<Result<string, 'unavailable'>> {
    let config: oidc.Configuration;
    try {
      config = await this.configuration();
    } catch (e) {
      this.options.logger.warn({ ...failureFields(e), issuer: this.options.issuer }, 'openid discovery failed');
      return err('unavailable');
    }
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.options.redirectUri,
      response_type: 'code',
      scope: OIDC_SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      prompt: 'select_account',
    });
    return ok(url.href);
  }

  async exchange(callbackParams: Readonly<Record<string, string>>, pending: PendingOAuthLogin): Promise<Result<OAuthIdentity, OAuthExchangeFailure>> {
    let config: oidc.Configuration;
    try {
      config = await this.configuration();
    } catch (e) {
      this.options.logger.warn({ ...failureFields(e), issuer: this.options.issuer }, 'openid discovery failed');
      return err('exchange_failed');
    }
    const current = new URL(this.options.redirectUri);
    current.search = '';
    current.hash = '';
    for (const [k, v] of Object.entries(callbackParams)) current.searchParams.set(k, v);
    const checks = { expectedState: pending.state, expectedNonce: pending.nonce, pkceCodeVerifier: pending.codeVerifier };
    const tokenEndpoint = new URL(config.serverMetadata().token_endpoint ?? current).href;
    const probe: TokenProbe = { tokenEndpoint };
    try {
      const tokens = await this.probes.run(probe, () => oidc.authorizationCodeGrant(config, current, checks));
      return await this.identity(config, tokens);
    } catch (e) {
      if (probe.tokenBody === undefined) {
        this.options.logger.warn(failureFields(e), 'openid code exchange failed');
        return err('exchange_failed');
      }
      const alias = payloadIssuer(probe.tokenBody);
      if (alias === undefined || !this.aliases.includes(alias)) {
        this.options.logger.warn(failureFields(e), 'openid id token rejected');
        return err('invalid_token');
      }
      return this.exchangeAsAlias(config, alias, current, checks, { tokenEndpoint, replay: probe.tokenBody });
    }
  }

  /** Re-validates an already received token response with `alias` as the expected issuer. */
  private async exchangeAsAlias(
    config: oidc.Configuration, alias: string, current: URL, checks: oidc.AuthorizationCodeGrantChecks, probe: TokenProbe,
  ): Promise<Result<OAuthIdentity, OAuthExchangeFailure>> {
    try {
      const { supportsPKCE: _pkce, authorization_response_iss_parameter_supported: _iss, ...metadata } = config.serverMetadata();
      const aliasConfig = new oidc.Configuration({ ...metadata, issuer: alias }, this.options.clientId, this.options.clientSecret, oidc.ClientSecretPost(this.options.clientSecret));
      this.prepare(aliasConfig);
      const url = new URL(current);
      url.searchParams.delete('iss');
      const tokens = await this.probes.run(probe, () => oidc.authorizationCodeGrant(aliasConfig, url, checks));
      return await this.identity(aliasConfig, tokens);
    } catch (e) {
      this.options.logger.warn(failureFields(e), 'openid id token rejected');
      return err('invalid_token');
    }
  }

  /** The verified identity; calls userinfo when the ID token lacks the email claims. Throws on failure. */
  private async identity(config: oidc.Configuration, tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): Promise<Result<OAuthIdentity, OAuthExchangeFailure>> {
    const claims = tokens.claims();
    if (!claims) return err('invalid_token');
    let { email, email_verified: verified, name } = claims;
    if (typeof email !== 'string' || verified === undefined) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = info.email;
      verified = info.email_verified;
      if (typeof name !== 'string') name = info.name;
    }
    if (typeof email !== 'string' || email === '') return err('invalid_token');
    return ok({
      subject: claims.sub,
      email,
      emailVerified: verified === true || verified === 'true',
      name: typeof name === 'string' ? name : null,
    });
  }

  private configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const attempt = this.discover();
      this.discovered = attempt;
      attempt.catch(() => {
        if (this.discovered === attempt) this.discovered = undefined;
      });
    }
    return this.discovered;
  }

  private async discover(): Promise<oidc.Configuration> {
    const config = await oidc.discovery(
      new URL(this.options.issuer),
      this.options.clientId,
      this.options.clientSecret,
      oidc.ClientSecretPost(this.options.clientSecret),
      { timeout: this.timeoutS, [oidc.customFetch]: this.fetch, execute: this.insecure ? [oidc.allowInsecureRequests] : [] },
    );
    this.prepare(config);
    return config;
  }

  private prepare(config: oidc.Configuration): void {
    config.timeout = this.timeoutS;
    config[oidc.customFetch] = this.fetch;
    if (this.insecure) oidc.allowInsecureRequests(config);
    oidc.enableNonRepudiationChecks(config);
  }

  /** Every request to the provider; records (or replays) the token response of the current exchange. */
  private readonly fetch: oidc.CustomFetch = async (url, init) => {
    const probe = this.probes.getStore();
    const isToken = probe !== undefined && init.method === 'POST' && new URL(url).href === probe.tokenEndpoint;
    if (isToken && probe.replay !== undefined) {
      return new Response(probe.replay, { status: 200, headers: { 'content-type': 'application/json' } });
    }
    const response = await fetch(url, init as RequestInit);
    if (isToken && response.ok) probe.tokenBody = await response.clone().text();
    return response;
  };
}
