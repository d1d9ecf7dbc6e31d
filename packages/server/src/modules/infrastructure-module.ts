import { ContainerModule } from 'inversify';
import type { Clock, SecureRandom } from '@sooscode/domain';
import { NodeSecureRandom } from '@sooscode/adapters/system/node-secure-random';
import { SystemClock } from '@sooscode/adapters/system/system-clock';
import type { RuntimeSettings } from '../config/runtime-settings';
import type { Infrastructure } from '../infrastructure';
import { TOKENS } from '../tokens';

/** Config, logger, clock, randomness and the opened connections. */
export function infrastructureModule(settings: RuntimeSettings, infra: Infrastructure, clock?: Clock): ContainerModule {
  return new ContainerModule((o) => {
    o.bind(TOKENS.Settings).toConstantValue(settings);
    o.bind(TOKENS.Config).toConstantValue(settings.config);
    o.bind(TOKENS.Logger).toConstantValue(infra.logger);
    o.bind(TOKENS.Database).toConstantValue(infra.database);
    o.bind(TOKENS.Redis).toConstantValue(infra.redis);
    o.bind(TOKENS.Metrics).toConstantValue(infra.metrics);
    o.bind<Clock>(TOKENS.Clock).toConstantValue(clock ?? new SystemClock());
    o.bind<SecureRandom>(TOKENS.SecureRandom).toConstantValue(new NodeSecureRandom());
  });
}
