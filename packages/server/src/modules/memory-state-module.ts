import { ContainerModule } from 'inversify';
import {
  InMemoryAccessTokenDenylist, InMemoryAttemptCounter, InMemoryCodeDocumentStore, InMemoryCompileAdmission, InMemoryEmailVerificationStore,
  InMemoryKickBanStore, InMemoryLiveModeStore, InMemoryOAuthStateStore, InMemoryPendingCompileJobs, InMemoryPresenceRegistry,
  InMemoryRefreshTokenStore, InMemoryVideoPresenceStore, InMemoryWebhookEventDedupe,
} from '@sooscode/adapters/memory';
import { LocalTaskLease } from '@sooscode/adapters/system/task-lease';
import { TOKENS } from '../tokens';
import { clockOf, get } from './resolve';
import type { CacheRelay, LiveBus, LiveBusLifecycle, PresenceSweeper } from './state-ports';

const NOTHING_TO_START: LiveBusLifecycle = { start: async () => undefined, stop: async () => undefined };
const NEVER_SWEEPS: PresenceSweeper = { start: async () => undefined, stop: () => undefined };
const NO_OTHER_NODES: CacheRelay = { publish: () => undefined, start: async () => undefined, stop: async () => undefined };

/**
 * The embedded family (no REDIS_URL): every piece of shared state lives in this process, bound to the
 * tokens listed in `STATE_TOKENS`. Live commands reach this node's sessions only.
 */
export const memoryStateModule = new ContainerModule((o) => {
  o.bind(TOKENS.RawAccessTokenDenylist).toDynamicValue((c) => new InMemoryAccessTokenDenylist(clockOf(c))).inSingletonScope();
  o.bind(TOKENS.RawRefreshTokenStore).toDynamicValue((c) => new InMemoryRefreshTokenStore(clockOf(c))).inSingletonScope();
  o.bind(TOKENS.AttemptCounter).toDynamicValue((c) => new InMemoryAttemptCounter(clockOf(c))).inSingletonScope();
  o.bind(TOKENS.EmailVerificationStore).toDynamicValue((c) => new InMemoryEmailVerificationStore(clockOf(c))).inSingletonScope();
  o.bind(TOKENS.PasswordResetCodeStore).toDynamicValue((c) => new InMemoryEmailVerificationStore(clockOf(c))).inSingletonScope();
  o.bind(TOKENS.OAuthStateStore).toDynamicValue((c) => new InMemoryOAuthStateStore(clockOf(c))).inSingletonScope();
  o.bind(TOKENS.PendingCompileJobs).toDynamicValue((c) => new InMemoryPendingCompileJobs(clockOf(c))).inSingletonScope();
  o.bind(TOKENS.CompileAdmission).toDynamicValue((c) => new InMemoryCompileAdmission(clockOf(c))).inSingletonScope();
  o.bind(TOKENS.WebhookEventDedupe).toDynamicValue((c) => new InMemoryWebhookEventDedupe(clockOf(c))).inSingletonScope();
  o.bind(TOKENS.PresenceRegistry).toDynamicValue(() => new InMemoryPresenceRegistry()).inSingletonScope();
  o.bind(TOKENS.LiveModeStore).toDynamicValue(() => new InMemoryLiveModeStore()).inSingletonScope();
  o.bind(TOKENS.KickBanStore).toDynamicValue((c) => new InMemoryKickBanStore(clockOf(c))).inSingletonScope();
  o.bind(TOKENS.VideoPresenceStore).toDynamicValue(() => new InMemoryVideoPresenceStore()).inSingletonScope();
  o.bind(TOKENS.CodeDocumentStore).toDynamicValue((c) => new InMemoryCodeDocumentStore(clockOf(c))).inSingletonScope();
  o.bind<LiveBus>(TOKENS.LiveBus).toDynamicValue((c) => get<LiveBus>(c, TOKENS.LocalLiveSessions)).inSingletonScope();
  o.bind<LiveBusLifecycle>(TOKENS.LiveBusLifecycle).toConstantValue(NOTHING_TO_START);
  o.bind<PresenceSweeper>(TOKENS.PresenceSweeper).toConstantValue(NEVER_SWEEPS);
  o.bind<CacheRelay>(TOKENS.CacheRelay).toConstantValue(NO_OTHER_NODES);
  o.bind(TOKENS.TaskLease).toConstantValue(new LocalTaskLease());
});
