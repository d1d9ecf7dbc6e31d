import type { ContainerModule } from 'inversify';
import type { Redis } from '@sooscode/adapters/redis/connect-redis';
import { TOKENS } from '../tokens';
import { memoryStateModule } from './memory-state-module';
import { redisStateModule } from './redis-state-module';

/**
 * Every binding the state family provides. Both families bind exactly these tokens (the container test
 * holds them to it), and nothing else binds them, so a feature module asks for a port and never learns
 * which family answered.
 */
export const STATE_TOKENS: readonly symbol[] = [
  TOKENS.RawAccessTokenDenylist, TOKENS.RawRefreshTokenStore, TOKENS.AttemptCounter, TOKENS.EmailVerificationStore,
  TOKENS.PasswordResetCodeStore, TOKENS.OAuthStateStore, TOKENS.PendingCompileJobs, TOKENS.CompileAdmission, TOKENS.WebhookEventDedupe,
  TOKENS.PresenceRegistry, TOKENS.LiveModeStore, TOKENS.KickBanStore, TOKENS.VideoPresenceStore, TOKENS.CodeDocumentStore,
  TOKENS.LiveBus, TOKENS.LiveBusLifecycle, TOKENS.PresenceSweeper, TOKENS.CacheRelay, TOKENS.TaskLease,
];

/**
 * The one place the deployment shape is chosen: with a Redis connection (REDIS_URL) the whole family of
 * shared state is Redis-backed, else the whole family is in-process. Never a mix.
 */
export function stateModule(redis: Redis | null): ContainerModule {
  return redis ? redisStateModule(redis) : memoryStateModule;
}
