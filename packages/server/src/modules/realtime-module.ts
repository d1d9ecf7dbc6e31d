import { ContainerModule, type ResolutionContext } from 'inversify';
import {
  AnnounceTyping, ChangeLiveMode, LiveClassGate, LivePresence, PublishCode, AuthenticateRefreshToken,
} from '@sooscode/domain';
import type { LiveSessionControl, RoomBroadcaster, SessionTerminator } from '@sooscode/domain';
import { ClassroomStompApplication } from '@sooscode/adapters/realtime/classroom-stomp-application';
import type { LiveFanOut } from '@sooscode/adapters/realtime/live-fan-out';
import { LocalLiveSessions } from '@sooscode/adapters/realtime/local-live-sessions';
import { StompCredentials } from '@sooscode/adapters/realtime/stomp-credentials';
import { StompRoomBroadcaster } from '@sooscode/adapters/realtime/stomp-room-broadcaster';
import { StompEndpoint, StompServer, SubscriptionRegistry } from '@sooscode/adapters/stomp/index';
import type { Logger } from '@sooscode/adapters/system/logger';
import { OriginPolicy } from '@sooscode/adapters/http/origin-policy';
import type { Lifecycle } from '../lifecycle';
import { TOKENS } from '../tokens';
import type { LiveBus, LiveBusLifecycle, PresenceSweeper } from './state-ports';
import { clockOf, configOf, get, settingsOf } from './resolve';

/** The transport's WebSocket message cap and the session backlogs never go below this (bytes; the contract's defaults). */
const MIN_WS_MESSAGE_BYTES = 1024 * 1024;

/**
 * The live classroom: STOMP over WebSocket and SockJS on `/ws`, live state (presence, mode, bans, video
 * flags, latest code) and the commands that reach live sessions. With REDIS_URL every piece is shared
 * and every broadcast, detach and termination reaches all nodes.
 */
export const realtimeModule = new ContainerModule((o) => {
  o.bind<SubscriptionRegistry>(TOKENS.SubscriptionRegistry).toDynamicValue((c) => new SubscriptionRegistry(get<Logger>(c, TOKENS.Logger))).inSingletonScope();
  o.bind<LocalLiveSessions>(TOKENS.LocalLiveSessions).toDynamicValue((c) => new LocalLiveSessions(get(c, TOKENS.SubscriptionRegistry))).inSingletonScope();
  const live = (c: ResolutionContext) => get<LiveBus>(c, TOKENS.LiveBus);
  o.bind<LiveFanOut>(TOKENS.LiveFanOut).toDynamicValue(live).inSingletonScope();
  o.bind<RoomBroadcaster>(TOKENS.RoomBroadcaster).toDynamicValue((c) => new StompRoomBroadcaster(get(c, TOKENS.LiveFanOut), configOf(c).appTimeZone)).inSingletonScope();
  o.bind<LiveSessionControl>(TOKENS.LiveSessionControl).toDynamicValue(live).inSingletonScope();
  o.bind<SessionTerminator>(TOKENS.SessionTerminator).toDynamicValue(live).inSingletonScope();

  o.bind(TOKENS.LiveClassGate).toDynamicValue((c) => new LiveClassGate(get(c, TOKENS.ClassAccess), get(c, TOKENS.KickBanStore))).inSingletonScope();
  o.bind(TOKENS.LivePresence).toDynamicValue((c) => new LivePresence(
    get(c, TOKENS.PresenceRegistry), get(c, TOKENS.ParticipantList), get(c, TOKENS.LiveModeStore), get(c, TOKENS.RoomBroadcaster), clockOf(c),
  )).inSingletonScope();

  o.bind<StompEndpoint>(TOKENS.StompEndpoint).toDynamicValue((c) => {
    const cfg = settingsOf(c).config;
    const application = new ClassroomStompApplication({
      credentials: new StompCredentials(
        get(c, TOKENS.AuthenticateAccessToken),
        new AuthenticateRefreshToken(get(c, TOKENS.RefreshTokenStore), get(c, TOKENS.UserRepository), get(c, TOKENS.SessionIssuer), clockOf(c), get(c, TOKENS.IdentityPolicy)),
      ),
      gate: get(c, TOKENS.LiveClassGate),
      presence: get(c, TOKENS.LivePresence),
      participants: get(c, TOKENS.ParticipantList),
      modes: get(c, TOKENS.LiveModeStore),
      changeMode: new ChangeLiveMode(get(c, TOKENS.LiveModeStore), get(c, TOKENS.RoomBroadcaster)),
      publishCode: new PublishCode(
        get(c, TOKENS.CodeDocumentStore), get(c, TOKENS.LiveModeStore), get(c, TOKENS.EnrolmentRepository), get(c, TOKENS.RoomBroadcaster), clockOf(c),
      ),
      enrolments: get(c, TOKENS.EnrolmentRepository),
      postChat: get(c, TOKENS.PostChatMessage),
      deleteChat: get(c, TOKENS.DeleteChatMessage),
      toggleReaction: get(c, TOKENS.ToggleChatReaction),
      announceTyping: new AnnounceTyping(get(c, TOKENS.RoomBroadcaster)),
      timeZone: cfg.appTimeZone,
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
    const s = settingsOf(c);
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
    const bus = get<LiveBusLifecycle>(c, TOKENS.LiveBusLifecycle);
    const sweeper = get<PresenceSweeper>(c, TOKENS.PresenceSweeper);
    const livePresence = get<LivePresence>(c, TOKENS.LivePresence);
    const logger = get<Logger>(c, TOKENS.Logger);
    return {
      name: 'realtime',
      async start() {
        await bus.start();
        await sweeper.start((classIds) => {
          for (const classId of classIds) void livePresence.afterSweep(classId).catch((err: unknown) => logger.warn({ err, classId }, 'presence sweep follow-up failed'));
        });
      },
      async stop() {
        // refuses new transports, closes every session (each leaves its classes), stops the transport timers
        await get<StompServer>(c, TOKENS.StompServer).close();
        sweeper.stop();
        await bus.stop();
      },
    };
  }).inSingletonScope();
});
