import type { ChatMessage, NewChatMessage } from '../chat-message';

/** Durable chat storage (PostgreSQL): messages, soft deletes and one kind of reaction per user. */
export interface ChatRepository {
  /** Stores a message; the id comes from a global increasing sequence. */
  create(message: NewChatMessage): Promise<ChatMessage>;
  /** The message with its current reaction count, or null. */
  findById(chatId: number): Promise<ChatMessage | null>;
  /** Marks the message deleted and replaces its content. Returns false when it was already deleted or unknown. */
  markDeleted(chatId: number, content: string): Promise<boolean>;
  /** Toggles `userId`'s reaction; returns whether it is now set and the new count. Atomic per (message, user). */
  toggleReaction(chatId: number, userId: number): Promise<{ reacted: boolean; count: number }>;
  /** User ids that reacted, ascending. */
  reactors(chatId: number): Promise<number[]>;
  hasReacted(chatId: number, userId: number): Promise<boolean>;
  /**
   * The newest `limit` messages of the class (older than `beforeChatId` when given), returned oldest first,
   * and the total number of messages the class has.
   */
  history(classId: number, limit: number, beforeChatId?: number): Promise<{ messages: ChatMessage[]; total: number }>;
  /** Deletes messages created before `cutoff` (CHAT_RETENTION_DAYS); returns how many. */
  purgeOlderThan(cutoff: Date): Promise<number>;
}
