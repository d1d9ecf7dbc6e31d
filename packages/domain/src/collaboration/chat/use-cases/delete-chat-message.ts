import type { RoomBroadcaster } from '../../../classroom/live/ports/room-broadcaster';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { ChatDeleted } from '../chat-events';
import { DELETED_CONTENT } from '../chat-message';
import type { ChatRepository } from '../ports/chat-repository';

/** A delete of message `chatId` by `userId` in `classId`; the caller has checked the class gate and the join. */
export interface DeleteChatCommand {
  readonly classId: number;
  readonly userId: number;
  readonly chatId: number;
}

/**
 * Soft-deletes a message (stomp.md §5.4) and publishes the deletion to the class: unknown → CHAT_004;
 * another class, not the author, or already deleted → CHAT_005.
 */
export class DeleteChatMessage {
  constructor(
    private readonly chats: ChatRepository,
    private readonly broadcaster: RoomBroadcaster<ChatDeleted>,
  ) {}

  async execute(command: DeleteChatCommand): Promise<Result<{ chatId: number }, DomainError>> {
    const { classId, chatId } = command;
    const message = await this.chats.findById(chatId);
    if (!message) return err(domainError('CHAT_004'));
    if (message.classId !== classId || message.userId !== command.userId || message.deleted) return err(domainError('CHAT_005'));
    if (!(await this.chats.markDeleted(chatId, DELETED_CONTENT))) return err(domainError('CHAT_005'));
    await this.broadcaster.publish({ type: 'chat-deleted', classId, chatId });
    return ok({ chatId });
  }
}
