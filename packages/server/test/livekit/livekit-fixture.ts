import { randomUUID } from 'node:crypto';
import type { ClassRoom, User } from '@sooscode/domain';
import { FakeTwirpRoomService } from '../../../adapters/test/livekit/support/fake-twirp-room-service';
import { signLikeLiveKit } from '../../../adapters/test/livekit/support/webhook-signing';
import { actorWorld, startClassroomFixture, type Actor, type ClassroomFixture } from '../classroom/classroom-fixture';
import type { HttpClient, TestServerOptions } from '../support/test-server';

/** The key pair of the LiveKit suites (the fake Room API and the server share it). */
export const LK_KEY = 'APIsooscodeServerTest';
export const LK_SECRET = 'server-test-secret-0123456789abcdefghijkl';

/** A server wired to a loopback fake of LiveKit's Room API, with one class and a client per actor. */
export interface LiveKitWorld {
  readonly f: ClassroomFixture;
  readonly fake: FakeTwirpRoomService;
  readonly classRoom: ClassRoom;
  readonly student: User;
  readonly instructor: User;
  readonly clients: Record<Actor, HttpClient>;
  stop(): Promise<void>;
}

/** Starts the fake Room API, then the server with LIVEKIT_URL/KEY/SECRET pointing at it (plus `env`). */
export async function startLiveKitWorld(env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<LiveKitWorld> {
  const fake = await FakeTwirpRoomService.start({ apiKey: LK_KEY, apiSecret: LK_SECRET });
  let f: ClassroomFixture;
  try {
    f = await startClassroomFixture({
      ...options,
      env: { LIVEKIT_URL: fake.livekitUrl, LIVEKIT_API_KEY: LK_KEY, LIVEKIT_API_SECRET: LK_SECRET, LIVEKIT_HTTP_TIMEOUT_MS: '2000', ...env },
    });
  } catch (e) {
    await fake.close();
    throw e;
  }
  const world = await actorWorld(f);
  return {
    f,
    fake,
    ...world,
    async stop() {
      await f.stop();
      await fake.close();
    },
  };
}

/** A LiveKit webhook body: the fields LiveKit sends, with a fresh id and `createdAt` = now unless overridden. */
export function webhookBody(event: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ event, id: `EV_${randomUUID()}`, createdAt: String(Math.floor(Date.now() / 1000)), ...fields });
}

/** Posts `body` to the webhook, signed like LiveKit (raw JWT in `Authorization`, `application/webhook+json`). */
export async function postWebhook(
  client: HttpClient,
  body: string,
  authorization?: string | null,
  contentType = 'application/webhook+json',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const auth = authorization === undefined ? await signLikeLiveKit(body, LK_KEY, LK_SECRET) : authorization;
  const headers: Record<string, string> = { 'content-type': contentType };
  if (auth !== null) headers.authorization = auth;
  const r = await client.json('POST', '/api/livekit/webhook', { raw: body, headers });
  return { status: r.status, body: r.body };
}

/** `"<status> <code>"` of an enveloped answer, or `"<status> RAW"` for a RAW one. */
export function outcomeOf(r: { status: number; body: Record<string, unknown> }): string {
  return `${r.status} ${typeof r.body.code === 'string' ? r.body.code : 'RAW'}`;
}
