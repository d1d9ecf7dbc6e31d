import type { PendingCompileJobs, SessionIssuer, UserRepository } from '@sooscode/domain';
import { UserMother } from '@sooscode/domain/testing';
import { HmacCompileCallbacks } from '@sooscode/adapters/compile-client/hmac-compile-callbacks';
import type { Logger } from '@sooscode/adapters/system/logger';
import { TOKENS } from '../../src/tokens';
import { HttpClient, startTestServer, type TestServer } from '../support/test-server';
import { CallbackRelay } from './callback-relay';

export const CALLBACK_SECRET = 'compile-test-secret-compile-test-secret-0123';

/** Base64 of the UTF-8 bytes, as the real client sends `code`. */
export const b64 = (source: string): string => Buffer.from(source, 'utf8').toString('base64');

/** A test server whose callbacks reach it through a relay, plus helpers for compile tests. */
export interface CompileServer {
  readonly server: TestServer;
  readonly relay: CallbackRelay;
  readonly http: HttpClient;
  readonly callbacks: HmacCompileCallbacks;
  readonly jobs: PendingCompileJobs;
  /** A new ACTIVE student and its Bearer header. */
  newUser(): Promise<{ userId: number; headers: Record<string, string> }>;
  /** `POST /api/compile/run` as that user. */
  run(headers: Record<string, string>, body: unknown): Promise<{ status: number; body: Record<string, unknown>; res: Response }>;
  stop(): Promise<void>;
}

/** Starts the API with the compile settings in `env`; COMPILE_CALLBACK_BASE_URL points at a relay unless given. */
export async function startCompileServer(options: { env?: Record<string, string>; redis?: boolean; embedded?: boolean; logger?: Logger } = {}): Promise<CompileServer> {
  const relay = await CallbackRelay.start();
  let server: TestServer;
  try {
    server = await startTestServer({
      redis: options.redis,
      embedded: options.embedded,
      logger: options.logger,
      env: { COMPILE_CALLBACK_SECRET: CALLBACK_SECRET, COMPILE_CALLBACK_BASE_URL: relay.url, ...options.env },
    });
  } catch (e) {
    await relay.close();
    throw e;
  }
  relay.target = server.url;
  return wrap(server, relay);
}

/** Helpers around an already started server. */
export function wrap(server: TestServer, relay: CallbackRelay): CompileServer {
  const http = new HttpClient(server.url);
  const users = server.container.get<UserRepository>(TOKENS.UserRepository);
  const sessions = server.container.get<SessionIssuer>(TOKENS.SessionIssuer);
  return {
    server,
    relay,
    http,
    callbacks: new HmacCompileCallbacks(CALLBACK_SECRET, server.url),
    jobs: server.container.get<PendingCompileJobs>(TOKENS.PendingCompileJobs),
    async newUser() {
      const user = await users.create(UserMother.student());
      const session = await sessions.start(user);
      return { userId: user.id, headers: { authorization: `Bearer ${session.accessToken}` } };
    },
    run: (headers, body) => http.json('POST', '/api/compile/run', { headers, body }),
    async stop() {
      await server.stop();
      await relay.close();
    },
  };
}
