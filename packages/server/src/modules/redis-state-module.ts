import { ContainerModule, type ResolutionContext } from 'inversify';
import { RedisLiveBus } from '@sooscode/adapters/realtime/redis-live-bus';
import { RedisAccessTokenDenylist } from '@sooscode/adapters/redis/redis-access-token-denylist';
import { RedisAttemptCounter } from '@sooscode/adapters/redis/redis-attempt-counter';
import { RedisCacheInvalidationRelay } from '@sooscode/adapters/redis/redis-cache-invalidation-relay';
import { RedisCompileAdmission } from '@sooscode/adapters/redis/redis-compile-admission';
import type { Redis } from '@sooscode/adapters/redis/connect-redis';
import { RedisEmailVerificationStore } from '@sooscode/adapters/redis/redis-email-verification-store';
import { RedisCodeDocumentStore, RedisKickBanStore, RedisLiveModeStore, RedisVideoPresenceStore } from '@sooscode/adapters/redis/redis-live-state';
import { RedisOAuthStateStore } from '@sooscode/adapters/redis/redis-oauth-state-store';
import { RedisPendingCompileJobs } from '@sooscode/adapters/redis/redis-pending-compile-jobs';
import { RedisPresenceRegistry } from '@sooscode/adapters/redis/redis-presence-registry';
import { RedisRefreshTokenStore } from '@sooscode/adapters/redis/redis-refresh-token-store';
import { RedisTaskLease } from '@sooscode/adapters/redis/redis-task-lease';
import { RedisWebhookEventDedupe } from '@sooscode/adapters/redis/redis-webhook-event-dedupe';
import { TOKENS } from '../tokens';
import { configOf, get, loggerOf } from './resolve';
import type { CacheRelay, LiveBus, LiveBusLifecycle, PresenceSweeper } from './state-ports';

/**
 * The shared family (REDIS_URL set): every piece of state that more than one node must see lives in
 * Redis under REDIS_KEY_PREFIX, bound to the tokens listed in `STATE_TOKENS`. Live commands and cache
 * invalidations travel by pub/sub to every node.
 */
export function redisStateModule(redis: Redis): ContainerModule {
  return new ContainerModule((o) => {
    const prefix = (c: ResolutionContext) => configOf(c).redisKeyPrefix;
    const bus = (c: ResolutionContext) => get<RedisLiveBus>(c, TOKENS.LiveBus);
    const presence = (c: ResolutionContext) => get<RedisPresenceRegistry>(c, TOKENS.PresenceRegistry);
    o.bind(TOKENS.RawAccessTokenDenylist).toDynamicValue((c) => new RedisAccessTokenDenylist(redis, prefix(c))).inSingletonScope();
    o.bind(TOKENS.RawRefreshTokenStore).toDynamicValue((c) => new RedisRefreshTokenStore(redis, prefix(c))).inSingletonScope();
    o.bind(TOKENS.AttemptCounter).toDynamicValue((c) => new RedisAttemptCounter(redis, prefix(c))).inSingletonScope();
    o.bind(TOKENS.EmailVerificationStore).toDynamicValue((c) => new RedisEmailVerificationStore(redis, prefix(c))).inSingletonScope();
    // password-reset codes: the same port, a key space of their own (never interchangeable with sign-up codes)
    o.bind(TOKENS.PasswordResetCodeStore).toDynamicValue((c) => new RedisEmailVerificationStore(redis, prefix(c), 'password-reset')).inSingletonScope();
    o.bind(TOKENS.OAuthStateStore).toDynamicValue((c) => new RedisOAuthStateStore(redis, prefix(c))).inSingletonScope();
    o.bind(TOKENS.PendingCompileJobs).toDynamicValue((c) => new RedisPendingCompileJobs(redis, prefix(c), loggerOf(c, 'compile'))).inSingletonScope();
    o.bind(TOKENS.CompileAdmission).toDynamicValue((c) => new RedisCompileAdmission(redis, prefix(c))).inSingletonScope();
    o.bind(TOKENS.WebhookEventDedupe).toDynamicValue((c) => new RedisWebhookEventDedupe(redis, prefix(c))).inSingletonScope();
    o.bind(TOKENS.PresenceRegistry).toDynamicValue((c) => new RedisPresenceRegistry(redis, bus(c).nodeId, prefix(c))).inSingletonScope();
    o.bind(TOKENS.LiveModeStore).toDynamicValue((c) => new RedisLiveModeStore(redis, prefix(c))).inSingletonScope();
    o.bind(TOKENS.KickBanStore).toDynamicValue((c) => new RedisKickBanStore(redis, prefix(c))).inSingletonScope();
    o.bind(TOKENS.VideoPresenceStore).toDynamicValue((c) => new RedisVideoPresenceStore(redis, prefix(c))).inSingletonScope();
    o.bind(TOKENS.CodeDocumentStore).toDynamicValue((c) => new RedisCodeDocumentStore(redis, prefix(c))).inSingletonScope();
    o.bind<LiveBus>(TOKENS.LiveBus).toDynamicValue((c) => new RedisLiveBus(redis, get(c, TOKENS.LocalLiveSessions), loggerOf(c), prefix(c))).inSingletonScope();
    o.bind<LiveBusLifecycle>(TOKENS.LiveBusLifecycle).toDynamicValue(bus).inSingletonScope();
    o.bind<PresenceSweeper>(TOKENS.PresenceSweeper).toDynamicValue(presence).inSingletonScope();
    o.bind<CacheRelay>(TOKENS.CacheRelay).toDynamicValue((c) => new RedisCacheInvalidationRelay(redis, loggerOf(c), prefix(c))).inSingletonScope();
    o.bind(TOKENS.TaskLease).toDynamicValue((c) => new RedisTaskLease(redis, prefix(c))).inSingletonScope();
  });
}
