import type { OAuthExchangeFailure, OAuthIdentity, OAuthIdentityProvider, PendingOAuthLogin, Result } from '../../src/index';
import { err, ok } from '../../src/index';

/** A scripted provider: answers with `identity` (or `failure`) and records every call. */
export class FakeOAuthIdentityProvider implements OAuthIdentityProvider {
  available = true;
  identity: OAuthIdentity = { subject: 'sub-1', email: 'New.Person@Example.com', emailVerified: true, name: '  새 사용자  ' };
  failure: OAuthExchangeFailure | null = null;
  readonly authorizations: PendingOAuthLogin[] = [];
  readonly exchanges: { params: Readonly<Record<string, string>>; pending: PendingOAuthLogin }[] = [];

  async authorizationUrl(pending: PendingOAuthLogin): Promise<Result<string, 'unavailable'>> {
    if (!this.available) return err('unavailable');
    this.authorizations.push(pending);
    return ok(`https://idp.example/auth?state=${pending.state}`);
  }

  async exchange(params: Readonly<Record<string, string>>, pending: PendingOAuthLogin): Promise<Result<OAuthIdentity, OAuthExchangeFailure>> {
    this.exchanges.push({ params, pending });
    return this.failure ? err(this.failure) : ok(this.identity);
  }
}
