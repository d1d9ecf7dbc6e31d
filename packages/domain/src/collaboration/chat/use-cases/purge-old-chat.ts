import type { Clock } from '../../../shared/clock';
import type { ChatRepository } from '../ports/chat-repository';

const DAY_MS = 86_400_000;

/**
 * Chat retention (CHAT_RETENTION_DAYS): deletes every message created more than `retentionDays`
 * days (of 24 h) before the clock's current instant. With `retentionDays` 0 it keeps everything and
 * deletes nothing. Returns how many messages were deleted. Scheduling, and running it on one node
 * at a time, is the caller's business.
 */
export class PurgeOldChat {
  constructor(
    private readonly chats: ChatRepository,
    private readonly clock: Clock,
    private readonly retentionDays: number,
  ) {}

  async execute(): Promise<number> {
    if (this.retentionDays <= 0) return 0;
    return this.chats.purgeOlderThan(new Date(this.clock.now().getTime() - this.retentionDays * DAY_MS));
  }
}
