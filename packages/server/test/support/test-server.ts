import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '@sooscode/domain';
import { silentLogger, type Logger } from '@sooscode/adapters/system/logger';
import { createTestDatabase } from '../../../adapters/test/support/services';
import { REDIS_URL } from '../../../adapters/test/support/service-urls';
import { startApiServer, type ApiServer } from '../../src/api-server';
import { loadConfig } from '../../src/config/load-config';

/** A running server for one suite plus a cookie-aware HTTP helper. */
export interface TestServer extends ApiServer {
  /** Stops the server and drops its database. */
  stop(): Promise<void>;
}

/** Options of `startTestServer`. */
export interface TestServerOptions {
  /** Extra environment (config variables). */
  readonly env?: Record<string, string>;
  /** Use Redis for session state (REDIS_URL), with a unique key prefix. */
  readonly redis?: boolean;
  /** Use embedded PGlite even when a Postgres server is available (the embedded start). */
  readonly embedded?: boolean;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/**
 * Starts the API on 127.0.0.1 port 0 against a fresh database (real Postgres when available,
 * else embedded PGlite in a temp dir), with a fixed JWT secret and an admin `admin@test.local` / `Admin1234!`.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase(options.embedded);
  const dataDir = await mkdtemp(join(tmpdir(), 'sooscode-data-'));
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: db.pgliteDir ?? dataDir,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    AUTH_REQUIRE_EMAIL_VERIFICATION: 'false',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@test.local',
    BOOTSTRAP_ADMIN_PASSWORD: 'Admin1234!',
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    SHUTDOWN_TIMEOUT_MS: '1000',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...(options.redis ? { REDIS_URL, REDIS_KEY_PREFIX: `sooscode-test:${Date.now()}:${Math.random().toString(36).slice(2)}:` } : {}),
    ...options.env,
  };
  if (!db.url) delete env.DATABASE_URL;
  if (db.pgliteDir) env.DATA_DIR = db.pgliteDir;
  const server = await startApiServer(loadConfig(env), env, { logger: options.logger ?? silentLogger, clock: options.clock });
  return {
    ...server,
    async stop() {
      await server.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A minimal cookie jar over fetch, keeping `Set-Cookie` values like a browser would (Max-Age=0 deletes). */
export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string, private readonly defaults: Record<string, string> = {}) {}

  /** Sends a request; a plain object `body` is sent as JSON. */
  async request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...this.defaults, ...init.headers };
    if (this.cookies.size && !headers.cookie) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined = init.raw;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (attrs.some((a) => a.trim().toLowerCase() === 'max-age=0') || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async json(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<{ status: number; body: Record<string, unknown>; res: Response }> {
    const res = await this.request(method, path, init);
    const text = await res.text();
    let body: Record<string, unknown>;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { raw: text };
    }
    return { status: res.status, body, res };
  }

  /** Logs in and keeps the cookies. */
  async login(email: string, password: string): Promise<void> {
    const r = await this.json('POST', '/api/auth/login', { body: { email, password } });
    if (r.status !== 200) throw new Error(`login ${email} failed: ${r.status} ${JSON.stringify(r.body)}`);
  }
}
