import { formatLocalDateTime } from '../../shared/wall-clock';
import type { ChatMessage } from './chat-message';

/** `ChatMessageDto` (stomp.md §5.3): `createdAt` as a LocalDateTime in `timeZone`, every field present. */
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

/** `DeleteEvent`. */
export function deleteEvent(chatId: number, classId: number) {
  return { chatId, classId, type: 'DELETE' as const };
}

/** `ReactionEvent`. */
export function reactionEvent(chatId: number, classId: number, count: number) {
  return { chatId, classId, count, type: 'REACTION' as const };
}
