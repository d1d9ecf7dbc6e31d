import type { ChatMessage } from '@sooscode/domain';
import { formatLocalDateTime } from '@sooscode/domain';

/**
 * The chat shapes both transports send: STOMP broadcasts and the REST history and reaction answers.
 */

/** `ChatMessageDto` (stomp.md §5.3, http.md §5): `createdAt` as a LocalDateTime in `timeZone`, every field present. */
export function chatMessageDto(m: ChatMessage, timeZone: string) {
  return {
    chatId: m.id,
    classId: m.classId,
    userId: m.userId,
    username: m.username,
    content: m.content,
    type: 'CHAT' as const,
    createdAt: formatLocalDateTime(m.createdAt, timeZone),
    replyToChatId: m.replyToChatId,
    replyToUsername: m.replyToUsername,
    replyToContent: m.replyToContent,
    deleted: m.deleted,
    reactionCount: m.reactionCount,
  };
}

/** `ReactionEvent` (stomp.md §5.3); also the body of the REST reaction toggle's answer (http.md §5). */
export function reactionBody(chatId: number, classId: number, count: number) {
  return { chatId, classId, count, type: 'REACTION' as const };
}
