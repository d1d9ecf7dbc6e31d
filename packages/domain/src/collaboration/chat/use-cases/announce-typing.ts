import type { RoomBroadcaster } from '../../../classroom/live/ports/room-broadcaster';
import type { ChatTyping } from '../chat-events';

/** User `userId` (shown as `username`) started (`typing`) or stopped typing in `classId`; the caller has checked the class gate and the join. */
export interface TypingCommand {
  readonly classId: number;
  readonly userId: number;
  readonly username: string;
  readonly typing: boolean;
}

/**
 * Tells the class that someone started or stopped typing (stomp.md §5.4). Nothing is stored and no
 * rule applies beyond the class gate and the join, which every live SEND passes first.
 */
export class AnnounceTyping {
  constructor(private readonly broadcaster: RoomBroadcaster<ChatTyping>) {}

  async execute(command: TypingCommand): Promise<void> {
    await this.broadcaster.publish({ type: 'chat-typing', ...command });
  }
}
