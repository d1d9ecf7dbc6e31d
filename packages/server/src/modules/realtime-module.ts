import { ContainerModule } from 'inversify';
import type { SessionTerminator } from '@sooscode/domain';
import { TOKENS } from '../tokens';

/**
 * Live sessions. Until the STOMP server is wired in, no live sessions exist, so there is nothing to
 * terminate: revocation still takes effect on every request through the session-family check.
 */
export const realtimeModule = new ContainerModule((o) => {
  o.bind<SessionTerminator>(TOKENS.SessionTerminator).toConstantValue({
    async closeFamilies() {},
    async closeUser() {},
  });
});
