import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the token endpoint answers; `hang` never answers (for timeouts). */
export type TokenAnswer = { kind: 'tokens' } | { kind: 'status'; status: number; body: string; type?: string } | { kind: 'hang' };

/** The S256 PKCE challenge of a verifier. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/**
 * A hand-written OpenID provider on 127.0.0.1 whose ID tokens the test shapes at will (wrong nonce,
 * audience, issuer, expiry, signature key, missing email...). It answers discovery, JWKS, token and
 * userinfo requests; there is no authorization page (tests call the callback themselves).
 */
export class FakeTokenProvider {
  /** Claims merged over the defaults of the next ID tokens (`undefined` values remove a claim). */
  claims: Record<string, unknown> = {};
  /** The nonce the next ID tokens carry; tests set it from the pending sign-in (or to a wrong one). */
  nonce: string | undefined;
  token: TokenAnswer = { kind: 'tokens' };
  discoveryStatus = 200;
  userinfo: { status: number; body: Record<string, unknown> } = { status: 200, body: {} };
  /** Sign with a key that is not in the JWKS. */
  signWithStrangerKey = false;
  readonly tokenRequests: URLSearchParams[] = [];
  readonly userinfoAuthorizations: string[] = [];
  discoveryRequests = 0;
  private readonly key: KeyObject;
  private readonly strangerKey: KeyObject;
  private server!: Server;
  private readonly hanging = new Set<ServerResponse>();

  private constructor(readonly clientId: string) {
    this.key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    this.strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }

  get issuer(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  static async start(clientId: string): Promise<FakeTokenProvider> {
    const fake = new FakeTokenProvider(clientId);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', () => resolve()));
    return fake;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** A signed ID token with the default claims (iss, aud, sub, iat, exp, email…) merged with `claims`. */
  idToken(nonce: string | undefined): string {
    const now = Math.floor(Date.now() / 1000);
    const merged: Record<string, unknown> = {
      iss: this.issuer, aud: this.clientId, sub: 'fake-subject', iat: now, exp: now + 300, nonce,
      email: 'Fake.User@Example.com', email_verified: true, name: 'Fake User', ...this.claims,
    };
    const payload = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
    const input = `${Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'fake-key' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return `${input}.${sign('sha256', Buffer.from(input), this.signWithStrangerKey ? this.strangerKey : this.key).toString('base64url')}`;
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.issuer).pathname;
    if (path === '/.well-known/openid-configuration') {
      this.discoveryRequests++;
      if (this.discoveryStatus !== 200) return this.json(res, this.discoveryStatus, { error: 'unavailable' });
      return this.json(res, 200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        userinfo_endpoint: `${this.issuer}/userinfo`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      });
    }
    if (path === '/jwks') {
      const jwk = this.key.export({ format: 'jwk' });
      return this.json(res, 200, { keys: [{ kty: jwk.kty, n: jwk.n, e: jwk.e, kid: 'fake-key', use: 'sig', alg: 'RS256' }] });
    }
    if (path === '/token' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      this.tokenRequests.push(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const answer = this.token;
      if (answer.kind === 'hang') {
        this.hanging.add(res);
        return;
      }
      if (answer.kind === 'status') {
        res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' }).end(answer.body);
        return;
      }
      return this.json(res, 200, { access_token: 'fake-access-token', token_type: 'Bearer', expires_in: 3600, id_token: this.idToken(this.nonce) });
    }
    if (path === '/userinfo') {
      this.userinfoAuthorizations.push(req.headers.authorization ?? '');
      return this.json(res, this.userinfo.status, this.userinfo.body);
    }
    this.json(res, 404, { error: 'not_found' });
  }
}
