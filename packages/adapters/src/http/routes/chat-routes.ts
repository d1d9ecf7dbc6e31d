import type { Router } from '@koa/router';
import type { ReadChat, ToggleChatReaction } from '@sooscode/domain';
import { DetailReason, invalidField } from '@sooscode/domain';
import { chatMessageDto, reactionBody } from '../../wire/chat-shapes';
import { principalOf } from '../app-state';
import type { AuthGuards } from '../auth-middleware';
import { BodyFields } from '../body-fields';
import { HttpFailure, unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { readJsonObject } from '../json-body';
import { pathId, queryInt, requiredQueryId } from '../params';
import { sendEnvelope } from '../responses';

/** What the chat routes need. */
export interface ChatRouteDeps {
  readonly guards: AuthGuards;
  readonly readChat: ReadChat;
  readonly toggleReaction: ToggleChatReaction;
  /** APP_TIME_ZONE, for the LocalDateTimes of chat messages. */
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
      if (chatId === undefined) throw new HttpFailure(invalidField('chatId', DetailReason.missing));
      const toggled = unwrap(await d.toggleReaction.execute({ caller, chatId }));
      sendEnvelope(ctx, 'CHAT_000', reactionBody(toggled.chatId, toggled.classId, toggled.count));
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
