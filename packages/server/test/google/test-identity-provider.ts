import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { interactionPolicy } from 'oidc-provider';

/** Client registered at the test providers; the redirect URI is the one configured in the API. */
export const CLIENT_ID = 'sooscode-test-client';
export const CLIENT_SECRET = 'sooscode-test-client-secret-0123456789';
/** A frontend dev server proxying `/api` would use this; the tests forward the provider's redirect themselves. */
export const REDIRECT_URI = 'http://localhost:5173/api/auth/google/callback';

/** The claims an account of the test provider releases. */
export interface ProviderAccount {
  readonly email: string;
  readonly email_verified: boolean;
  readonly name?: string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A real OpenID provider (oidc-provider 9) on 127.0.0.1 with PKCE required, a `select_account` prompt, and
 * minimal interaction endpoints instead of HTML pages: `GET /interaction/:uid` answers `{prompt}`,
 * `POST /interaction/:uid` with `login=<accountId>` signs that account in and consents to every scope,
 * `POST /interaction/:uid/abort` answers the client with `error=access_denied`.
 */
export class TestIdentityProvider {
  readonly accounts = new Map<string, ProviderAccount>();
  private server: Server | undefined;
  private provider!: Provider;
  private port = 0;

  get issuer(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<TestIdentityProvider> {
    const idp = new TestIdentityProvider();
    await idp.listen();
    const policy = interactionPolicy.base();
    policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }));
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    idp.provider = new Provider(idp.issuer, {
      clients: [{
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      }],
      jwks: { keys: [{ ...key, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
      cookies: { keys: ['test-provider-cookie-key'] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      pkce: { required: () => true },
      ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
      features: { devInteractions: { enabled: false } },
      interactions: { policy, url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      findAccount: async (_ctx: unknown, id: string) => {
        const account = idp.accounts.get(id);
        return account && { accountId: id, claims: async () => ({ sub: id, ...account }) };
      },
    });
    return idp;
  }

  /** Stops answering: the port refuses connections until `restart`. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Listens again on the same port with the same state (codes, grants, keys). */
  async restart(): Promise<void> {
    await this.listen();
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/interaction\/([^/?]+)(\/abort)?(?:\?.*)?$/.exec(req.url ?? '');
    if (!match) {
      this.provider.callback()(req, res);
      return;
    }
    try {
      const details = await this.provider.interactionDetails(req, res);
      let returnTo: string;
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
        return;
      } else if (match[2]) {
        returnTo = await this.provider.interactionResult(req, res, { error: 'access_denied', error_description: 'the user declined' }, { mergeWithLastSubmission: false });
      } else {
        const accountId = new URLSearchParams(await readBody(req)).get('login') ?? '';
        const grant = new this.provider.Grant({ accountId, clientId: CLIENT_ID });
        grant.addOIDCScope('openid email profile');
        const consent = { grantId: await grant.save() };
        returnTo = await this.provider.interactionResult(req, res, { login: { accountId }, consent, select_account: {} }, { mergeWithLastSubmission: false });
      }
      res.writeHead(303, { location: returnTo }).end();
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  }
}

/** A browser at the provider: a cookie jar (all cookies to every path), redirects followed by hand. */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(eq + 1).trim());
    }
    return res;
  }
}

/**
 * Plays the user at the provider: opens `authorizationUrl`, then signs in as `accountId` (or declines
 * when null), and follows the provider's redirects until one leaves for REDIRECT_URI. Returns that URL.
 */
export async function signInAtProvider(authorizationUrl: string, accountId: string | null): Promise<URL> {
  const browser = new ProviderBrowser();
  let res = await browser.request(authorizationUrl);
  let location = new URL(res.headers.get('location') ?? '', authorizationUrl);
  if (!location.pathname.startsWith('/interaction/')) throw new Error(`no interaction: ${res.status} ${location.href} ${await res.text()}`);
  const details = (await (await browser.request(location.href)).json()) as { prompt: string };
  if (details.prompt !== 'login') throw new Error(`unexpected prompt ${details.prompt}`);
  res = accountId === null
    ? await browser.request(`${location.href}/abort`, { method: 'POST' })
    : await browser.request(location.href, { method: 'POST', form: { login: accountId } });
  for (let hop = 0; hop < 10; hop++) {
    location = new URL(res.headers.get('location') ?? '', location);
    if (location.href.startsWith(`${REDIRECT_URI}?`)) return location;
    if (res.status < 300 || res.status >= 400) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
    res = await browser.request(location.href);
  }
  throw new Error('too many redirects at the provider');
}
