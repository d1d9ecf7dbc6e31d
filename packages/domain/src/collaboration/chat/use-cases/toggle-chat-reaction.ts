import type { Caller } from '../../../classroom/class-access';
import type { RoomBroadcaster } from '../../../classroom/live/ports/room-broadcaster';
import type { LiveClassGate } from '../../../classroom/live/use-cases/live-class-gate';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { ChatReactionChanged } from '../chat-events';
import type { ChatRepository } from '../ports/chat-repository';

/** A reaction toggle of `caller` on message `chatId`. */
export interface ToggleReactionCommand {
  readonly caller: Caller;
  readonly chatId: number;
  /**
   * Over STOMP: the class of the destination, whose gate the caller has passed; the message must belong
   * to it. Over REST it is absent and the caller must pass the membership gate of the message's class.
   */
  readonly classId?: number;
}

/**
 * Toggles the caller's reaction (stomp.md §5.4, http.md §5) and publishes the new count to the class:
 * unknown → CHAT_004; over STOMP another class → CHAT_005; over REST the message's class gate
 * (CLASS_001, CLASS_002, CLASS_010); deleted → CHAT_005.
 */
export class ToggleChatReaction {
  constructor(
    private readonly chats: ChatRepository,
    private readonly gate: LiveClassGate,
    private readonly broadcaster: RoomBroadcaster<ChatReactionChanged>,
  ) {}

  async execute(command: ToggleReactionCommand): Promise<Result<ChatReactionChanged, DomainError>> {
    const { chatId, caller } = command;
    const message = await this.chats.findById(chatId);
    if (!message) return err(domainError('CHAT_004'));
    if (command.classId !== undefined && message.classId !== command.classId) return err(domainError('CHAT_005'));
    if (command.classId === undefined) {
      const admitted = await this.gate.checkMembership(message.classId, caller);
      if (!admitted.ok) return admitted;
    }
    if (message.deleted) return err(domainError('CHAT_005'));
    const { count } = await this.chats.toggleReaction(chatId, caller.userId);
    const event: ChatReactionChanged = { type: 'chat-reaction-changed', classId: message.classId, chatId, count };
    await this.broadcaster.publish(event);
    return ok(event);
  }
}
