import type { Router } from '@koa/router';
import type { ClassAccess, KickBanStore, ReadChat, RoomBroadcaster, ToggleChatReaction } from '@sooscode/domain';
import { chatMessageDto, classTopics, domainError, isMember, reactionEvent } from '@sooscode/domain';
import { principalOf } from '../app-state';
import type { AuthGuards } from '../auth-middleware';
import { BodyFields } from '../body-fields';
import { unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { readJsonObject } from '../json-body';
import { pathId, queryInt, requiredQueryId } from '../params';
import { sendEnvelope } from '../responses';

/** What the chat routes need. */
export interface ChatRouteDeps {
  readonly guards: AuthGuards;
  readonly readChat: ReadChat;
  readonly toggleReaction: ToggleChatReaction;
  readonly access: ClassAccess;
  readonly kickBans: KickBanStore;
  readonly broadcaster: RoomBroadcaster;
  readonly timeZone: string;
}

/** Chat REST: history, reaction toggle, reaction list, reacted check (http.md §5). */
export class ChatRoutes implements HttpModule {
  constructor(private readonly deps: ChatRouteDeps) {}

  register(router: Router): void {
    const d = this.deps;
    const { requireUser } = d.guards;

    router.get('/api/chat/history', requireUser, async (ctx) => {
      const classId = requiredQueryId(ctx, 'classId');
      const before = queryInt(ctx, 'before');
      const page = unwrap(await d.readChat.history(classId, principalOf(ctx.state), before !== undefined && before > 0 ? before : undefined));
      sendEnvelope(ctx, 'CHAT_001', { classId: page.classId, messages: page.messages.map((m) => chatMessageDto(m, d.timeZone)), totalCount: page.totalCount });
    });

    router.post('/api/chat/reaction', requireUser, async (ctx) => {
      const caller = principalOf(ctx.state);
      const body = new BodyFields(await readJsonObject(ctx));
      const chatId = body.integer('chatId');
      const result = unwrap(
        await d.toggleReaction.execute({
          userId: caller.userId,
          chatId,
          authorize: async (message) => {
            const grant = await d.access.resolve(message.classId, caller);
            if (!grant.ok) return grant.error;
            if (!isMember(grant.value.membership)) return domainError('CLASS_002');
            if (await d.kickBans.isBanned(message.classId, caller.userId)) return domainError('CLASS_010');
            return null;
          },
        }),
      );
      const event = reactionEvent(result.chatId, result.classId, result.count);
      await d.broadcaster.publish(classTopics.chat(result.classId), event);
      sendEnvelope(ctx, 'CHAT_000', event);
    });

    router.get('/api/chat/:chatId/reactions', requireUser, async (ctx) => {
      const chatId = pathId(ctx, 'chatId');
      sendEnvelope(ctx, 'CHAT_000', unwrap(await d.readChat.reactions(chatId, principalOf(ctx.state))));
    });

    router.get('/api/chat/:chatId/reacted', requireUser, async (ctx) => {
      const chatId = pathId(ctx, 'chatId');
      sendEnvelope(ctx, 'CHAT_000', unwrap(await d.readChat.reacted(chatId, principalOf(ctx.state))));
    });
  }
}
