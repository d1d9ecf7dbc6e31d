import type { ChatMessage } from './chat-message';

/** `ChatMessageDto` without the date formatting (the transport formats `createdAt`). */
export function chatMessageEvent(m: ChatMessage) {
  return {
    chatId: m.id,
    classId: m.classId,
    userId: m.userId,
    username: m.username,
    content: m.content,
    type: 'CHAT' as const,
    createdAt: m.createdAt,
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
