import { ContainerModule } from 'inversify';
import { ChatFloodLimit, DeleteChatMessage, PostChatMessage, PurgeOldChat, ReadChat, ToggleChatReaction } from '@sooscode/domain';
import type { ChatRepository, Clock } from '@sooscode/domain';
import { ChatRoutes } from '@sooscode/adapters/http/routes/chat-routes';
import type { Database } from '@sooscode/adapters/postgres/database';
import { TypeOrmChatRepository } from '@sooscode/adapters/postgres/typeorm-chat-repository';
import type { PromMetrics } from '@sooscode/adapters/metrics/prom-metrics';
import type { Logger } from '@sooscode/adapters/system/logger';
import { PeriodicTask } from '@sooscode/adapters/system/periodic-task';
import type { TaskLease } from '@sooscode/adapters/system/task-lease';
import type { RuntimeSettings } from '../config/runtime-settings';
import type { Lifecycle } from '../lifecycle';
import { observeExecute } from '../observe-execute';
import { chatRetentionRun } from './chat-retention';
import { TOKENS } from '../tokens';
import { get } from './resolve';


/** Chat (durable, in Postgres) and its REST routes. Code sync and snapshots live with the realtime and classroom modules. */
export const collaborationModule = new ContainerModule((o) => {
  o.bind<ChatRepository>(TOKENS.ChatRepository).toDynamicValue((c) => new TypeOrmChatRepository(get<Database>(c, TOKENS.Database).dataSource)).inSingletonScope();
  o.bind(TOKENS.PostChatMessage).toDynamicValue((c) => observeExecute(new PostChatMessage(
    get(c, TOKENS.ChatRepository), new ChatFloodLimit(get(c, TOKENS.AttemptCounter)), get(c, TOKENS.RoomBroadcaster), get<Clock>(c, TOKENS.Clock),
  ), (_input, result) => {
    if (result.ok) get<PromMetrics>(c, TOKENS.Metrics).chatMessageStored();
  })).inSingletonScope();
  o.bind(TOKENS.DeleteChatMessage).toDynamicValue((c) => new DeleteChatMessage(get(c, TOKENS.ChatRepository), get(c, TOKENS.RoomBroadcaster))).inSingletonScope();
  o.bind(TOKENS.ToggleChatReaction).toDynamicValue((c) => new ToggleChatReaction(get(c, TOKENS.ChatRepository), get(c, TOKENS.LiveClassGate), get(c, TOKENS.RoomBroadcaster))).inSingletonScope();
  o.bind(TOKENS.PurgeOldChat).toDynamicValue((c) => new PurgeOldChat(
    get(c, TOKENS.ChatRepository), get<Clock>(c, TOKENS.Clock), get<RuntimeSettings>(c, TOKENS.Settings).config.chatRetentionDays,
  )).inSingletonScope();
  o.bind(TOKENS.ChatRetention).toDynamicValue((c) => {
    const { chatRetentionIntervalS } = get<RuntimeSettings>(c, TOKENS.Settings).config;
    const logger = get<Logger>(c, TOKENS.Logger).child({ component: 'chat-retention' });
    const run = chatRetentionRun(get(c, TOKENS.PurgeOldChat), get<TaskLease>(c, TOKENS.TaskLease), chatRetentionIntervalS * 1000, logger);
    return new PeriodicTask({ name: 'chat-retention', intervalMs: chatRetentionIntervalS * 1000, firstRunAfterMs: 60_000, run, logger });
  }).inSingletonScope();
  o.bind<Lifecycle>(TOKENS.Lifecycle).toDynamicValue((c): Lifecycle => {
    const enabled = get<RuntimeSettings>(c, TOKENS.Settings).config.chatRetentionDays > 0;
    const task = get<PeriodicTask>(c, TOKENS.ChatRetention);
    return {
      name: 'chat-retention',
      async start() {
        if (enabled) task.start();
      },
      stop: () => task.stop(),
    };
  }).inSingletonScope();
  o.bind(TOKENS.ReadChat).toDynamicValue((c) => new ReadChat(
    get(c, TOKENS.ChatRepository), get(c, TOKENS.ClassAccess), get(c, TOKENS.UserRepository), get<RuntimeSettings>(c, TOKENS.Settings).config.chatHistoryMax,
  )).inSingletonScope();
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => new ChatRoutes({
    guards: get(c, TOKENS.AuthGuards),
    readChat: get(c, TOKENS.ReadChat),
    toggleReaction: get(c, TOKENS.ToggleChatReaction),
    timeZone: get<RuntimeSettings>(c, TOKENS.Settings).config.appTimeZone,
  }));
});
