import { ContainerModule, type ResolutionContext } from 'inversify';
import {
  ChangeLiveMode, LiveClassGate, LivePresence, PublishCode, AuthenticateRefreshToken,
} from '@sooscode/domain';
import type {
  Clock, CodeDocumentStore, KickBanStore, LiveModeStore, LiveSessionControl, PresenceRegistry, RoomBroadcaster,
  SessionTerminator, VideoPresenceStore,
} from '@sooscode/domain';
import {
  InMemoryCodeDocumentStore, InMemoryKickBanStore, InMemoryLiveModeStore, InMemoryPresenceRegistry, InMemoryVideoPresenceStore,
} from '@sooscode/domain/memory';
import { ClassroomStompApplication } from '@sooscode/adapters/realtime/classroom-stomp-application';
import type { LiveFanOut } from '@sooscode/adapters/realtime/live-fan-out';
import { LocalLiveSessions } from '@sooscode/adapters/realtime/local-live-sessions';
import { RedisLiveBus } from '@sooscode/adapters/realtime/redis-live-bus';
import { StompCredentials } from '@sooscode/adapters/realtime/stomp-credentials';
import { StompRoomBroadcaster } from '@sooscode/adapters/realtime/stomp-room-broadcaster';
import type { Redis } from '@sooscode/adapters/redis/connect-redis';
import { RedisCodeDocumentStore, RedisKickBanStore, RedisLiveModeStore, RedisVideoPresenceStore } from '@sooscode/adapters/redis/redis-live-state';
import { RedisPresenceRegistry } from '@sooscode/adapters/redis/redis-presence-registry';
import { StompEndpoint, StompServer, SubscriptionRegistry } from '@sooscode/adapters/stomp/index';
import type { Logger } from '@sooscode/adapters/system/logger';
import { OriginPolicy } from '@sooscode/adapters/http/origin-policy';
import type { RuntimeSettings } from '../config/runtime-settings';
import type { Lifecycle } from '../lifecycle';
import { TOKENS } from '../tokens';

/** The transport's WebSocket message cap and the session backlogs never go below this (bytes; the contract's defaults). */
const MIN_WS_MESSAGE_BYTES = 1024 * 1024;

const get = <T>(c: ResolutionContext, token: symbol): T => c.get<T>(token);
const clock = (c: ResolutionContext) => get<Clock>(c, TOKENS.Clock);
const redis = (c: ResolutionContext) => get<Redis | null>(c, TOKENS.Redis);
const settings = (c: ResolutionContext) => get<RuntimeSettings>(c, TOKENS.Settings);
const prefix = (c: ResolutionContext) => settings(c).config.redisKeyPrefix;

/**
 * The live classroom: STOMP over WebSocket and SockJS on `/ws`, live state (presence, mode, bans, video
 * flags, latest code) and the commands that reach live sessions. With REDIS_URL every piece is shared
 * and every broadcast, detach and termination reaches all nodes.
 */
export const realtimeModule = new ContainerModule((o) => {
  o.bind<SubscriptionRegistry>(TOKENS.SubscriptionRegistry).toDynamicValue((c) => new SubscriptionRegistry(get<Logger>(c, TOKENS.Logger))).inSingletonScope();
  o.bind<LocalLiveSessions>(TOKENS.LocalLiveSessions).toDynamicValue((c) => new LocalLiveSessions(get(c, TOKENS.SubscriptionRegistry))).inSingletonScope();
  o.bind<RedisLiveBus | null>(TOKENS.RedisLiveBus).toDynamicValue((c) => {
    const r = redis(c);
    return r ? new RedisLiveBus(r, get(c, TOKENS.LocalLiveSessions), get(c, TOKENS.Logger), prefix(c)) : null;
  }).inSingletonScope();
  const live = (c: ResolutionContext) => get<RedisLiveBus | null>(c, TOKENS.RedisLiveBus) ?? get<LocalLiveSessions>(c, TOKENS.LocalLiveSessions);
  o.bind<LiveFanOut>(TOKENS.LiveFanOut).toDynamicValue(live).inSingletonScope();
  o.bind<RoomBroadcaster>(TOKENS.RoomBroadcaster).toDynamicValue((c) => new StompRoomBroadcaster(get(c, TOKENS.LiveFanOut), settings(c).config.appTimeZone)).inSingletonScope();
  o.bind<LiveSessionControl>(TOKENS.LiveSessionControl).toDynamicValue(live).inSingletonScope();
  o.bind<SessionTerminator>(TOKENS.SessionTerminator).toDynamicValue(live).inSingletonScope();

  o.bind<PresenceRegistry>(TOKENS.PresenceRegistry).toDynamicValue((c) => {
    const r = redis(c);
    const bus = get<RedisLiveBus | null>(c, TOKENS.RedisLiveBus);
    return r && bus ? new RedisPresenceRegistry(r, bus.nodeId, prefix(c)) : new InMemoryPresenceRegistry();
  }).inSingletonScope();
  o.bind<LiveModeStore>(TOKENS.LiveModeStore).toDynamicValue((c) => (redis(c) ? new RedisLiveModeStore(redis(c)!, prefix(c)) : new InMemoryLiveModeStore())).inSingletonScope();
  o.bind<KickBanStore>(TOKENS.KickBanStore).toDynamicValue((c) => (redis(c) ? new RedisKickBanStore(redis(c)!, prefix(c)) : new InMemoryKickBanStore(clock(c)))).inSingletonScope();
  o.bind<VideoPresenceStore>(TOKENS.VideoPresenceStore).toDynamicValue((c) => (redis(c) ? new RedisVideoPresenceStore(redis(c)!, prefix(c)) : new InMemoryVideoPresenceStore())).inSingletonScope();
  o.bind<CodeDocumentStore>(TOKENS.CodeDocumentStore).toDynamicValue((c) => (redis(c) ? new RedisCodeDocumentStore(redis(c)!, prefix(c)) : new InMemoryCodeDocumentStore(clock(c)))).inSingletonScope();

  o.bind(TOKENS.LiveClassGate).toDynamicValue((c) => new LiveClassGate(get(c, TOKENS.ClassAccess), get(c, TOKENS.KickBanStore))).inSingletonScope();
  o.bind(TOKENS.LivePresence).toDynamicValue((c) => new LivePresence(
    get(c, TOKENS.PresenceRegistry), get(c, TOKENS.ParticipantList), get(c, TOKENS.LiveModeStore), get(c, TOKENS.RoomBroadcaster), clock(c),
  )).inSingletonScope();

  o.bind<StompEndpoint>(TOKENS.StompEndpoint).toDynamicValue((c) => {
    const cfg = settings(c).config;
    const application = new ClassroomStompApplication({
      credentials: new StompCredentials(
        get(c, TOKENS.AuthenticateAccessToken),
        new AuthenticateRefreshToken(get(c, TOKENS.RefreshTokenStore), get(c, TOKENS.UserRepository), get(c, TOKENS.SessionIssuer), clock(c), get(c, TOKENS.IdentityPolicy)),
      ),
      gate: get(c, TOKENS.LiveClassGate),
      presence: get(c, TOKENS.LivePresence),
      participants: get(c, TOKENS.ParticipantList),
      modes: get(c, TOKENS.LiveModeStore),
      changeMode: new ChangeLiveMode(get(c, TOKENS.LiveModeStore), get(c, TOKENS.RoomBroadcaster)),
      publishCode: new PublishCode(
        get(c, TOKENS.CodeDocumentStore), get(c, TOKENS.LiveModeStore), get(c, TOKENS.EnrolmentRepository), get(c, TOKENS.RoomBroadcaster), clock(c),
      ),
      enrolments: get(c, TOKENS.EnrolmentRepository),
      postChat: get(c, TOKENS.PostChatMessage),
      deleteChat: get(c, TOKENS.DeleteChatMessage),
      toggleReaction: get(c, TOKENS.ToggleChatReaction),
      broadcaster: get(c, TOKENS.RoomBroadcaster),
      codeSyncMaxChars: cfg.codeSyncMaxChars,
      logger: get(c, TOKENS.Logger),
    });
    return new StompEndpoint({
      application,
      registry: get(c, TOKENS.SubscriptionRegistry),
      logger: get(c, TOKENS.Logger),
      observer: get(c, TOKENS.Metrics),
      options: {
        heartbeatSendMs: cfg.stompHeartbeatSendMs,
        heartbeatReceiveMs: cfg.stompHeartbeatReceiveMs,
        maxFrameBytes: cfg.stompMaxFrameBytes,
        // the inbound and outbound backlogs must hold a few frames of the configured size (1 MiB by default)
        maxInboundBacklogBytes: Math.max(MIN_WS_MESSAGE_BYTES, 4 * cfg.stompMaxFrameBytes),
        maxOutboundBytes: Math.max(MIN_WS_MESSAGE_BYTES, 4 * cfg.stompMaxFrameBytes),
        maxSessionsPerUser: cfg.stompMaxSessionsPerUser,
        maxSubscriptions: cfg.stompMaxSubscriptions,
      },
    });
  }).inSingletonScope();
  o.bind<StompServer>(TOKENS.StompServer).toDynamicValue((c) => {
    const s = settings(c);
    const policy = new OriginPolicy(s.config.corsAllowedOrigins, s.ownOrigin);
    return new StompServer({
      endpoint: get(c, TOKENS.StompEndpoint),
      logger: get(c, TOKENS.Logger),
      isOriginAllowed: (origin) => policy.classify(origin) !== 'refused',
      // a WebSocket message must be able to carry a frame up to STOMP_MAX_FRAME_BYTES (and a bit more,
      // so an oversized frame reaches the parser and gets its ERROR GLOBAL_413); never below 1 MiB
      maxMessageBytes: Math.max(MIN_WS_MESSAGE_BYTES, 2 * s.config.stompMaxFrameBytes),
    });
  }).inSingletonScope();

  o.bind<Lifecycle>(TOKENS.Lifecycle).toDynamicValue((c): Lifecycle => {
    const bus = get<RedisLiveBus | null>(c, TOKENS.RedisLiveBus);
    const presence = get<PresenceRegistry>(c, TOKENS.PresenceRegistry);
    const livePresence = get<LivePresence>(c, TOKENS.LivePresence);
    const logger = get<Logger>(c, TOKENS.Logger);
    return {
      name: 'realtime',
      async start() {
        await bus?.start();
        if (presence instanceof RedisPresenceRegistry) {
          await presence.start((classIds) => {
            for (const classId of classIds) void livePresence.afterSweep(classId).catch((err: unknown) => logger.warn({ err, classId }, 'presence sweep follow-up failed'));
          });
        }
      },
      async stop() {
        // refuses new transports, closes every session (each leaves its classes), stops the transport timers
        await get<StompServer>(c, TOKENS.StompServer).close();
        if (presence instanceof RedisPresenceRegistry) presence.stop();
        await bus?.stop();
      },
    };
  }).inSingletonScope();
});
