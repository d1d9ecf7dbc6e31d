import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { DetailReason, domainError, invalidField } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { CHAT_MAX_CHARS, type ChatMessage } from '../chat-message';
import type { ChatRepository } from '../ports/chat-repository';

/** Input of a chat send; `content`/`replyToChatId` are the raw JSON values of the SEND body. */
export interface PostChatInput {
  readonly classId: number;
  readonly sender: { readonly userId: number; readonly name: string };
  readonly content: unknown;
  readonly replyToChatId: unknown;
}

/**
 * Validates and stores a chat message (stomp.md §5.4): content must be a string (GLOBAL_410), not blank
 * (CHAT_007), at most 500 UTF-16 units (CHAT_008), stored exactly as sent; a reply target must be an
 * integer (GLOBAL_410), exist (CHAT_004) and belong to the class (CHAT_005); its username and current
 * content are copied. The caller has already checked membership, bans and the join, and broadcasts.
 */
export class PostChatMessage {
  constructor(
    private readonly chats: ChatRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: PostChatInput): Promise<Result<ChatMessage, DomainError>> {
    const { content } = input;
    if (content !== undefined && content !== null && typeof content !== 'string') return err(invalidField('content', DetailReason.format));
    if (typeof content !== 'string' || content.trim() === '') return err(domainError('CHAT_007'));
    if (content.length > CHAT_MAX_CHARS) return err(domainError('CHAT_008'));
    let reply: ChatMessage | null = null;
    if (input.replyToChatId !== undefined && input.replyToChatId !== null) {
      const id = input.replyToChatId;
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) return err(invalidField('replyToChatId', DetailReason.format));
      reply = await this.chats.findById(id);
      if (!reply) return err(domainError('CHAT_004'));
      if (reply.classId !== input.classId) return err(domainError('CHAT_005'));
    }
    return ok(
      await this.chats.create({
        classId: input.classId,
        userId: input.sender.userId,
        username: input.sender.name,
        content,
        createdAt: this.clock.now(),
        replyToChatId: reply?.id ?? null,
        replyToUsername: reply?.username ?? null,
        replyToContent: reply?.content ?? null,
      }),
    );
  }
}
