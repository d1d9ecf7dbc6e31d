import { ContainerModule, type ResolutionContext } from 'inversify';
import type {
  Clock, CodeDocumentStore, KickBanStore, LiveModeStore, LiveSessionControl, PresenceRegistry, RoomBroadcaster, SessionTerminator, VideoPresenceStore,
} from '@sooscode/domain';
import {
  InMemoryCodeDocumentStore, InMemoryKickBanStore, InMemoryLiveModeStore, InMemoryPresenceRegistry, InMemoryVideoPresenceStore,
} from '@sooscode/domain/memory';
import { TOKENS } from '../tokens';

const clock = (c: ResolutionContext) => c.get<Clock>(TOKENS.Clock);

/**
 * Live classroom state and the live-session commands. Until the STOMP server is wired in there are no
 * live sessions: broadcasts reach nobody and there is nothing to detach or terminate.
 */
export const realtimeModule = new ContainerModule((o) => {
  o.bind<PresenceRegistry>(TOKENS.PresenceRegistry).toConstantValue(new InMemoryPresenceRegistry());
  o.bind<LiveModeStore>(TOKENS.LiveModeStore).toConstantValue(new InMemoryLiveModeStore());
  o.bind<KickBanStore>(TOKENS.KickBanStore).toDynamicValue((c) => new InMemoryKickBanStore(clock(c))).inSingletonScope();
  o.bind<VideoPresenceStore>(TOKENS.VideoPresenceStore).toConstantValue(new InMemoryVideoPresenceStore());
  o.bind<CodeDocumentStore>(TOKENS.CodeDocumentStore).toDynamicValue((c) => new InMemoryCodeDocumentStore(clock(c))).inSingletonScope();
  o.bind<RoomBroadcaster>(TOKENS.RoomBroadcaster).toConstantValue({ async publish() {}, async sendToUser() {} });
  o.bind<LiveSessionControl>(TOKENS.LiveSessionControl).toConstantValue({ async detach() {} });
  o.bind<SessionTerminator>(TOKENS.SessionTerminator).toConstantValue({ async closeFamilies() {}, async closeUser() {} });
});
