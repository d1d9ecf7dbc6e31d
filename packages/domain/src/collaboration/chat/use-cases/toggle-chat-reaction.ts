import type { DomainError } from '../../../shared/domain-error';
import { DetailReason, domainError, invalidField } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { ChatMessage } from '../chat-message';
import type { ChatRepository } from '../ports/chat-repository';

/**
 * Toggles the caller's reaction (stomp.md §5.4, http.md §5). `chatId` missing/not an integer → GLOBAL_410;
 * unknown → CHAT_004; deleted → CHAT_005 (and, over STOMP, another class → CHAT_005).
 * `authorize` runs after the message is found, so REST can check membership of the message's class.
 */
export class ToggleChatReaction {
  constructor(private readonly chats: ChatRepository) {}

  async execute(input: {
    userId: number;
    chatId: unknown;
    /** Over STOMP: the class of the destination; the message must belong to it. */
    classId?: number;
    /** Extra checks on the message's class (membership, bans), in contract order before the deleted check. */
    authorize?: (message: ChatMessage) => Promise<DomainError | null>;
  }): Promise<Result<{ chatId: number; classId: number; count: number }, DomainError>> {
    const id = input.chatId;
    if (id === undefined || id === null) return err(invalidField('chatId', DetailReason.missing));
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return err(invalidField('chatId', DetailReason.format));
    const message = await this.chats.findById(id);
    if (!message) return err(domainError('CHAT_004'));
    if (input.classId !== undefined && message.classId !== input.classId) return err(domainError('CHAT_005'));
    const refused = input.authorize ? await input.authorize(message) : null;
    if (refused) return err(refused);
    if (message.deleted) return err(domainError('CHAT_005'));
    const { count } = await this.chats.toggleReaction(id, input.userId);
    return ok({ chatId: id, classId: message.classId, count });
  }
}
