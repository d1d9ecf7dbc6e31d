import type { Caller, ClassAccess } from '../../../classroom/class-access';
import type { UserRepository } from '../../../identity/ports/user-repository';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { ChatMessage } from '../chat-message';
import type { ChatRepository } from '../ports/chat-repository';

/**
 * Chat reads over REST (http.md §5): history of a class (member or admin; the newest `limit`, oldest
 * first, optionally before a message), who reacted to a message, and whether the caller did.
 */
export class ReadChat {
  constructor(
    private readonly chats: ChatRepository,
    private readonly access: ClassAccess,
    private readonly users: UserRepository,
    /** CHAT_HISTORY_MAX */
    private readonly historyMax: number,
  ) {}

  async history(classId: number, caller: Caller, beforeChatId?: number): Promise<Result<{ classId: number; messages: ChatMessage[]; totalCount: number }, DomainError>> {
    const grant = await this.access.forViewer(classId, caller);
    if (!grant.ok) return grant;
    const { messages, total } = await this.chats.history(classId, this.historyMax, beforeChatId);
    return ok({ classId, messages, totalCount: total });
  }

  async reactions(chatId: number, caller: Caller): Promise<Result<{ userId: number; username: string }[], DomainError>> {
    const message = await this.viewable(chatId, caller);
    if (!message.ok) return message;
    const ids = await this.chats.reactors(chatId);
    const users = await Promise.all(ids.map((id) => this.users.findById(id)));
    return ok(ids.map((userId, i) => ({ userId, username: users[i]?.name ?? '' })));
  }

  async reacted(chatId: number, caller: Caller): Promise<Result<boolean, DomainError>> {
    const message = await this.viewable(chatId, caller);
    if (!message.ok) return message;
    return ok(await this.chats.hasReacted(chatId, caller.userId));
  }

  private async viewable(chatId: number, caller: Caller): Promise<Result<ChatMessage, DomainError>> {
    const message = await this.chats.findById(chatId);
    if (!message) return err(domainError('CHAT_004'));
    const grant = await this.access.forViewer(message.classId, caller);
    return grant.ok ? ok(message) : grant;
  }
}
