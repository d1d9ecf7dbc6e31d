/** Content shown for a deleted message (its row is kept). */
export const DELETED_CONTENT = '삭제된 메시지입니다.';

/** Longest chat content, in UTF-16 code units (CHAT_008 beyond). */
export const CHAT_MAX_CHARS = 500;

/** A stored chat message (stomp.md §5.4). Ids come from one global increasing sequence. */
export interface ChatMessage {
  readonly id: number;
  readonly classId: number;
  readonly userId: number;
  /** The sender's name when the message was sent. */
  readonly username: string;
  /** As sent (not trimmed); `DELETED_CONTENT` once deleted. */
  readonly content: string;
  readonly createdAt: Date;
  readonly replyToChatId: number | null;
  readonly replyToUsername: string | null;
  readonly replyToContent: string | null;
  readonly deleted: boolean;
  readonly reactionCount: number;
}

/** The fields of a message to store; the repository assigns `id` and starts with no reactions. */
export type NewChatMessage = Omit<ChatMessage, 'id' | 'deleted' | 'reactionCount'>;
