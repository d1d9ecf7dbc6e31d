import type { AttemptCounter } from '../../identity/ports/attempt-counter';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

/** Chat sends allowed per user and class in one flood window (stomp.md §5.4). */
export const CHAT_FLOOD_MAX = 10;
/** Length of the flood window, in seconds; it starts at the first send. */
export const CHAT_FLOOD_WINDOW_S = 10;

/**
 * The chat flood limit (stomp.md §5.4): every send attempt of a user in a class counts, refused or not;
 * the 11th and later within 10 s are GLOBAL_429.
 */
export class ChatFloodLimit {
  constructor(private readonly counter: AttemptCounter) {}

  /** Counts one send of `userId` in `classId`; an error when the window's allowance is used up. */
  async admit(classId: number, userId: number): Promise<Result<void, DomainError>> {
    const flood = await this.counter.hit(`chat-flood:${classId}:${userId}`, CHAT_FLOOD_WINDOW_S);
    return flood.count > CHAT_FLOOD_MAX ? err(domainError('GLOBAL_429')) : ok();
  }
}
