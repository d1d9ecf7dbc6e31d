import type { ChatMessage } from './chat-message';

/** A chat message was stored (stomp.md §5.4). */
export interface ChatPosted {
  readonly type: 'chat-posted';
  readonly classId: number;
  readonly message: ChatMessage;
}

/** A chat message was soft-deleted by its author. */
export interface ChatDeleted {
  readonly type: 'chat-deleted';
  readonly classId: number;
  readonly chatId: number;
}

/** A user toggled a reaction; `count` is the message's reaction count after the toggle. */
export interface ChatReactionChanged {
  readonly type: 'chat-reaction-changed';
  readonly classId: number;
  readonly chatId: number;
  readonly count: number;
}

/** A user started or stopped typing. */
export interface ChatTyping {
  readonly type: 'chat-typing';
  readonly classId: number;
  readonly userId: number;
  readonly username: string;
  readonly typing: boolean;
}

/** The room events chat publishes. */
export type ChatEvent = ChatPosted | ChatDeleted | ChatReactionChanged | ChatTyping;

/** The event of a stored message. */
export function chatPosted(message: ChatMessage): ChatPosted {
  return { type: 'chat-posted', classId: message.classId, message };
}
