import type { RoomBroadcaster } from '../../../classroom/live/ports/room-broadcaster';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { type ChatPosted, chatPosted } from '../chat-events';
import type { ChatFloodLimit } from '../chat-flood-limit';
import { CHAT_MAX_CHARS, type ChatMessage } from '../chat-message';
import type { ChatRepository } from '../ports/chat-repository';

/**
 * A chat send as the transport read it: each field `null` when absent (or JSON null), or GLOBAL_410 when
 * its JSON type is wrong. The type errors are answered in the contract's order among the other checks.
 */
export interface ChatDraft {
  readonly content: Result<string | null, DomainError>;
  readonly replyToChatId: Result<number | null, DomainError>;
}

/** A chat send of `sender` in `classId`. The caller has already checked the class gate and the join. */
export interface PostChatCommand {
  readonly classId: number;
  readonly sender: { readonly userId: number; readonly name: string };
  /** The transport's reading of the body; malformed sends count towards the flood limit too. */
  readonly draft: ChatDraft;
}

/**
 * Posts a chat message (stomp.md §5.4), checks in this order: the flood limit (GLOBAL_429); content a
 * string (GLOBAL_410), not blank (CHAT_007), at most 500 UTF-16 units (CHAT_008), stored exactly as sent;
 * a reply target an integer (GLOBAL_410) that exists (CHAT_004) and belongs to the class (CHAT_005), its
 * username and current content are copied. The stored message is published to the class.
 */
export class PostChatMessage {
  constructor(
    private readonly chats: ChatRepository,
    private readonly flood: ChatFloodLimit,
    private readonly broadcaster: RoomBroadcaster<ChatPosted>,
    private readonly clock: Clock,
  ) {}

  async execute(command: PostChatCommand): Promise<Result<ChatMessage, DomainError>> {
    const admitted = await this.flood.admit(command.classId, command.sender.userId);
    if (!admitted.ok) return admitted;
    const { draft } = command;
    if (!draft.content.ok) return draft.content;
    const content = draft.content.value;
    if (content === null || content.trim() === '') return err(domainError('CHAT_007'));
    if (content.length > CHAT_MAX_CHARS) return err(domainError('CHAT_008'));
    if (!draft.replyToChatId.ok) return draft.replyToChatId;
    const replyToChatId = draft.replyToChatId.value;
    let reply: ChatMessage | null = null;
    if (replyToChatId !== null) {
      reply = await this.chats.findById(replyToChatId);
      if (!reply) return err(domainError('CHAT_004'));
      if (reply.classId !== command.classId) return err(domainError('CHAT_005'));
    }
    const message = await this.chats.create({
      classId: command.classId,
      userId: command.sender.userId,
      username: command.sender.name,
      content,
      createdAt: this.clock.now(),
      replyToChatId: reply?.id ?? null,
      replyToUsername: reply?.username ?? null,
      replyToContent: reply?.content ?? null,
    });
    await this.broadcaster.publish(chatPosted(message));
    return ok(message);
  }
}
