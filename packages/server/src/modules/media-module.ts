import { ContainerModule, type ResolutionContext } from 'inversify';
import {
  CloseVideoRoom, HandleMediaEvent, IssueVideoToken, isMediaSource, ListVideoParticipants, ListVideoRooms, OpenVideoRoom,
} from '@sooscode/domain';
import type { ClassAccess, MediaRoomGateway, MediaTokenIssuer, MediaWebhookVerifier, ParticipantList } from '@sooscode/domain';
import type { AuthGuards } from '@sooscode/adapters/http/auth-middleware';
import { LiveKitRoutes, type LiveKitRouteDeps } from '@sooscode/adapters/http/routes/livekit-routes';
import { LiveKitMediaRoomGateway } from '@sooscode/adapters/livekit/livekit-media-room-gateway';
import { LiveKitMediaTokenIssuer } from '@sooscode/adapters/livekit/livekit-media-token-issuer';
import { LiveKitMediaWebhookVerifier } from '@sooscode/adapters/livekit/livekit-media-webhook-verifier';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { RuntimeSettings } from '../config/runtime-settings';
import { TOKENS } from '../tokens';
import { clockOf, get, settingsOf } from './resolve';


/** The key pair, when both halves are set (after the loopback development defaults). */
function keyPairOf(settings: RuntimeSettings): { apiKey: string; apiSecret: string } | null {
  const { apiKey, apiSecret } = settings.livekit;
  return apiKey.trim() !== '' && apiSecret !== '' ? { apiKey, apiSecret } : null;
}

/**
 * LiveKit video (livekit.md): client tokens, the Room API, the signed webhook, and their routes.
 *
 * What is configured decides what is bound, once:
 * - no key pair → `MediaTokenIssuer` and `MediaWebhookVerifier` are null: the token endpoint answers
 *   503; the webhook answers 503 on a loopback bind and 401 `LIVEKIT_001` elsewhere (§6);
 * - no `LIVEKIT_URL` or no key pair → `MediaRoomGateway` is null: the room endpoints answer 503 and the
 *   classroom's end/kick skip their LiveKit step.
 * Webhook event ids are remembered in Redis when REDIS_URL is set (so every node dedupes alike),
 * else in memory.
 */
export const mediaModule = new ContainerModule((o) => {
  const logger = (c: ResolutionContext) => get<Logger>(c, TOKENS.Logger);

  o.bind<MediaTokenIssuer | null>(TOKENS.MediaTokenIssuer).toDynamicValue((c) => {
    const keys = keyPairOf(settingsOf(c));
    return keys ? new LiveKitMediaTokenIssuer(keys, clockOf(c)) : null;
  }).inSingletonScope();
  o.bind<MediaRoomGateway | null>(TOKENS.MediaRoomGateway).toDynamicValue((c) => {
    const s = settingsOf(c);
    const keys = keyPairOf(s);
    if (!keys || s.livekit.url === '') return null;
    return new LiveKitMediaRoomGateway({ ...keys, url: s.livekit.url, timeoutMs: s.config.livekitHttpTimeoutMs }, clockOf(c), logger(c));
  }).inSingletonScope();
  o.bind<MediaWebhookVerifier | null>(TOKENS.MediaWebhookVerifier).toDynamicValue((c) => {
    const keys = keyPairOf(settingsOf(c));
    return keys ? new LiveKitMediaWebhookVerifier(keys, clockOf(c), logger(c)) : null;
  }).inSingletonScope();

  o.bind<IssueVideoToken>(TOKENS.IssueVideoToken).toDynamicValue((c) => {
    const cfg = settingsOf(c).config;
    return new IssueVideoToken(get(c, TOKENS.MediaTokenIssuer), get(c, TOKENS.ClassAccess), get(c, TOKENS.KickBanStore), {
      ttlS: cfg.livekitTokenTtlS,
      grants: { studentCanPublish: cfg.livekitStudentCanPublish, studentSources: cfg.livekitStudentPublishSources.filter(isMediaSource) },
    });
  }).inSingletonScope();
  o.bind<HandleMediaEvent>(TOKENS.HandleMediaEvent).toDynamicValue((c) => {
    const cfg = settingsOf(c).config;
    return new HandleMediaEvent(
      {
        dedupe: get(c, TOKENS.WebhookEventDedupe),
        classes: get(c, TOKENS.ClassroomRepository),
        enrolments: get(c, TOKENS.EnrolmentRepository),
        kickBans: get(c, TOKENS.KickBanStore),
        video: get(c, TOKENS.VideoPresenceStore),
        presence: get(c, TOKENS.PresenceRegistry),
        participants: get<ParticipantList>(c, TOKENS.ParticipantList),
        broadcaster: get(c, TOKENS.RoomBroadcaster),
        media: get(c, TOKENS.MediaRoomGateway),
        clock: clockOf(c),
      },
      { dedupeTtlS: cfg.livekitWebhookDedupeS, maxAgeS: cfg.livekitWebhookMaxAgeS },
    );
  }).inSingletonScope();

  o.bind<LiveKitRouteDeps>(TOKENS.LiveKitRouteDeps).toDynamicValue((c) => {
    const s = settingsOf(c);
    const access = get<ClassAccess>(c, TOKENS.ClassAccess);
    const gateway = get<MediaRoomGateway | null>(c, TOKENS.MediaRoomGateway);
    return {
      guards: get<AuthGuards>(c, TOKENS.AuthGuards),
      issueToken: get(c, TOKENS.IssueVideoToken),
      openRoom: new OpenVideoRoom(access, gateway, { emptyTimeoutS: s.config.livekitRoomEmptyTimeoutS, maxParticipants: s.config.livekitRoomMaxParticipants }),
      closeRoom: new CloseVideoRoom(access, gateway),
      listParticipants: new ListVideoParticipants(access, gateway),
      listRooms: new ListVideoRooms(gateway),
      webhook: {
        verifier: get(c, TOKENS.MediaWebhookVerifier),
        unconfigured: s.loopback ? 'GLOBAL_503' : 'LIVEKIT_001',
        handle: get(c, TOKENS.HandleMediaEvent),
      },
      logger: logger(c),
    };
  }).inSingletonScope();
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => new LiveKitRoutes(get(c, TOKENS.LiveKitRouteDeps)));
});
