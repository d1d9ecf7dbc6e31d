import type { DomainError } from '../../../shared/domain-error';
import { DetailReason, domainError, invalidField } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { DELETED_CONTENT } from '../chat-message';
import type { ChatRepository } from '../ports/chat-repository';

/**
 * Soft-deletes a message (stomp.md §5.4): `chatId` missing or not an integer → GLOBAL_410; unknown →
 * CHAT_004; another class, not the author, or already deleted → CHAT_005.
 */
export class DeleteChatMessage {
  constructor(private readonly chats: ChatRepository) {}

  async execute(input: { classId: number; userId: number; chatId: unknown }): Promise<Result<{ chatId: number }, DomainError>> {
    const id = input.chatId;
    if (id === undefined || id === null) return err(invalidField('chatId', DetailReason.missing));
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return err(invalidField('chatId', DetailReason.format));
    const message = await this.chats.findById(id);
    if (!message) return err(domainError('CHAT_004'));
    if (message.classId !== input.classId || message.userId !== input.userId || message.deleted) return err(domainError('CHAT_005'));
    if (!(await this.chats.markDeleted(id, DELETED_CONTENT))) return err(domainError('CHAT_005'));
    return ok({ chatId: id });
  }
}
