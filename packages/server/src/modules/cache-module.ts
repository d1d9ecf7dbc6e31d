import { ContainerModule, type ResolutionContext } from 'inversify';
import type { Clock } from '@sooscode/domain';
import { ReadCache, type CachedSessionChecks, type CachedUserRepository } from '@sooscode/adapters/cache';
import { type CacheInvalidation } from '@sooscode/adapters/redis/redis-cache-invalidation-relay';
import type { Lifecycle } from '../lifecycle';
import { TOKENS } from '../tokens';
import type { CacheRelay } from './state-ports';
import { get } from './resolve';

/** How long a cached record may be served when no invalidation arrives (milliseconds). */
export const READ_CACHE_TTL_MS = 30_000;

/** Invalidates caches on this node and, with Redis, on every other node. */
export interface CacheInvalidator {
  changed(change: CacheInvalidation): void;
}


/**
 * Read caches of the hot paths (user records, classes, enrolments) and their invalidation: a write on
 * this node clears the local cache at once and, with REDIS_URL, is relayed to every node.
 */
export const cacheModule = new ContainerModule((o) => {
  o.bind<ReadCache>(TOKENS.ClassroomReadCache).toDynamicValue((c) => new ReadCache(get<Clock>(c, TOKENS.Clock), READ_CACHE_TTL_MS)).inSingletonScope();
  const applyLocally = (c: ResolutionContext, change: CacheInvalidation) => {
    if (change.kind === 'families' || change.kind === 'jti') return get<CachedSessionChecks>(c, TOKENS.SessionChecks).invalidate(change);
    // user names appear in class listings, so a user change also clears the classroom cache
    get<ReadCache>(c, TOKENS.ClassroomReadCache).bump();
    if (change.kind === 'user') get<CachedUserRepository>(c, TOKENS.UserRepository).invalidate(change.userId);
  };
  // Applied here at once (a revocation must hold for this node's very next request), then relayed.
  o.bind<CacheInvalidator>(TOKENS.CacheInvalidator).toDynamicValue((c) => {
    const relay = get<CacheRelay>(c, TOKENS.CacheRelay);
    return {
      changed: (change) => {
        applyLocally(c, change);
        relay.publish(change);
      },
    };
  }).inSingletonScope();
  o.bind<Lifecycle>(TOKENS.Lifecycle).toDynamicValue((c): Lifecycle => {
    const relay = get<CacheRelay>(c, TOKENS.CacheRelay);
    return {
      name: 'cache-invalidation',
      start: async () => relay.start((change) => applyLocally(c, change)),
      stop: async () => relay.stop(),
    };
  }).inSingletonScope();
});
