import type { Router } from '@koa/router';
import type { Context } from 'koa';
import {
  type CloseVideoRoom,
  type HandleMediaEvent,
  type IssueVideoToken,
  type ListVideoParticipants,
  type ListVideoRooms,
  type MediaWebhookVerifier,
  type OpenVideoRoom,
  type RoomNameText,
} from '@sooscode/domain';
import type { Logger } from '../../system/logger';
import { principalOf } from '../app-state';
import type { AuthGuards } from '../auth-middleware';
import { failWith, unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { DEFAULT_BODY_LIMIT_BYTES, readJsonObject, readRawBody } from '../json-body';
import { sendEnvelope, sendRaw } from '../responses';
import { logMediaEventOutcome } from './livekit/log-media-event-outcome';
import { roomNameOfBody } from './livekit/room-name-text';

/** The webhook's verification and handling. */
export interface LiveKitWebhookDeps {
  /** Null when no key pair is configured. */
  readonly verifier: MediaWebhookVerifier | null;
  /**
   * The answer while `verifier` is null (livekit.md §4.1, §6): `GLOBAL_503` when the server binds
   * to loopback, `LIVEKIT_001` when it binds elsewhere without a key pair.
   */
  readonly unconfigured: 'GLOBAL_503' | 'LIVEKIT_001';
  readonly handle: Pick<HandleMediaEvent, 'execute'>;
}

/** What the LiveKit routes need. */
export interface LiveKitRouteDeps {
  readonly guards: Pick<AuthGuards, 'requireUser'>;
  readonly issueToken: Pick<IssueVideoToken, 'execute' | 'available'>;
  readonly openRoom: Pick<OpenVideoRoom, 'execute'>;
  readonly closeRoom: Pick<CloseVideoRoom, 'execute'>;
  readonly listParticipants: Pick<ListVideoParticipants, 'execute'>;
  readonly listRooms: Pick<ListVideoRooms, 'execute'>;
  readonly webhook: LiveKitWebhookDeps;
  readonly logger: Logger;
}

/**
 * `/api/livekit/*` (http.md §8, livekit.md). Every success is RAW except the webhook's
 * Env(`GLOBAL_000`); errors are enveloped. The webhook takes no user authentication and no cookie:
 * it reads the raw body itself (1 MiB, else 413) and has it verified against LiveKit's signature
 * before anything parses it.
 */
export class LiveKitRoutes implements HttpModule {
  readonly #logger: Logger;

  constructor(private readonly deps: LiveKitRouteDeps) {
    this.#logger = deps.logger.child({ component: 'livekit-webhook' });
  }

  register(router: Router): void {
    const d = this.deps;

    router.post('/api/livekit/token', d.guards.requireUser, async (ctx) => {
      // The key pair check comes before the body (livekit.md §1, checks 2 and 3).
      if (!d.issueToken.available) failWith('GLOBAL_503');
      const body = await readJsonObject(ctx);
      const answer = unwrap(await d.issueToken.execute(roomNameOfBody(body), principalOf(ctx.state)));
      sendRaw(ctx, { token: answer.token });
    });

    router.post('/api/livekit/room', d.guards.requireUser, async (ctx) => {
      sendRaw(ctx, unwrap(await d.openRoom.execute(await roomOfBody(ctx), principalOf(ctx.state))));
    });

    router.post('/api/livekit/room/end', d.guards.requireUser, async (ctx) => {
      sendRaw(ctx, unwrap(await d.closeRoom.execute(await roomOfBody(ctx), principalOf(ctx.state))));
    });

    router.get('/api/livekit/room/:roomName/participants', d.guards.requireUser, async (ctx) => {
      const roomName = (ctx.params as Record<string, string | undefined>).roomName ?? null;
      sendRaw(ctx, unwrap(await d.listParticipants.execute(roomName, principalOf(ctx.state))));
    });

    router.get('/api/livekit/rooms', d.guards.requireUser, async (ctx) => {
      sendRaw(ctx, unwrap(await d.listRooms.execute(principalOf(ctx.state))));
    });

    router.post('/api/livekit/webhook', async (ctx) => {
      const { verifier, unconfigured, handle } = d.webhook;
      if (!verifier) failWith(unconfigured);
      const raw = await readRawBody(ctx, DEFAULT_BODY_LIMIT_BYTES);
      const event = unwrap(await verifier.verify(raw, ctx.get('authorization') || undefined));
      logMediaEventOutcome(this.#logger, event.event, await handle.execute(event));
      sendEnvelope(ctx, 'GLOBAL_000');
    });
  }
}

/** The room named by a JSON body: `roomName`, else `classId` (415/400 for a body that is not a JSON object). */
async function roomOfBody(ctx: Context): Promise<RoomNameText> {
  return roomNameOfBody(await readJsonObject(ctx));
}
