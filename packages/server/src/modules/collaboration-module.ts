import { ContainerModule, type ResolutionContext } from 'inversify';
import { DeleteChatMessage, PostChatMessage, ReadChat, ToggleChatReaction } from '@sooscode/domain';
import type { ChatRepository, Clock } from '@sooscode/domain';
import { ChatRoutes } from '@sooscode/adapters/http/routes/chat-routes';
import type { Database } from '@sooscode/adapters/postgres/database';
import { TypeOrmChatRepository } from '@sooscode/adapters/postgres/typeorm-chat-repository';
import type { PromMetrics } from '@sooscode/adapters/metrics/prom-metrics';
import type { RuntimeSettings } from '../config/runtime-settings';
import { observeExecute } from '../observe-execute';
import { TOKENS } from '../tokens';

const get = <T>(c: ResolutionContext, token: symbol): T => c.get<T>(token);

/** Chat (durable, in Postgres) and its REST routes. Code sync and snapshots live with the realtime and classroom modules. */
export const collaborationModule = new ContainerModule((o) => {
  o.bind<ChatRepository>(TOKENS.ChatRepository).toDynamicValue((c) => new TypeOrmChatRepository(get<Database>(c, TOKENS.Database).dataSource)).inSingletonScope();
  o.bind(TOKENS.PostChatMessage).toDynamicValue((c) => observeExecute(new PostChatMessage(get(c, TOKENS.ChatRepository), get<Clock>(c, TOKENS.Clock)), (_input, result) => {
    if (result.ok) get<PromMetrics>(c, TOKENS.Metrics).chatMessageStored();
  })).inSingletonScope();
  o.bind(TOKENS.DeleteChatMessage).toDynamicValue((c) => new DeleteChatMessage(get(c, TOKENS.ChatRepository))).inSingletonScope();
  o.bind(TOKENS.ToggleChatReaction).toDynamicValue((c) => new ToggleChatReaction(get(c, TOKENS.ChatRepository))).inSingletonScope();
  o.bind(TOKENS.ReadChat).toDynamicValue((c) => new ReadChat(
    get(c, TOKENS.ChatRepository), get(c, TOKENS.ClassAccess), get(c, TOKENS.UserRepository), get<RuntimeSettings>(c, TOKENS.Settings).config.chatHistoryMax,
  )).inSingletonScope();
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => new ChatRoutes({
    guards: get(c, TOKENS.AuthGuards),
    readChat: get(c, TOKENS.ReadChat),
    toggleReaction: get(c, TOKENS.ToggleChatReaction),
    access: get(c, TOKENS.ClassAccess),
    kickBans: get(c, TOKENS.KickBanStore),
    broadcaster: get(c, TOKENS.RoomBroadcaster),
    timeZone: get<RuntimeSettings>(c, TOKENS.Settings).config.appTimeZone,
  }));
});
