import type { ChatMessage, NewChatMessage } from '@sooscode/domain';
import type { ChatRepository } from '@sooscode/domain';

/** Chat messages in process memory (tests and the domain examples; the server always uses Postgres). */
export class InMemoryChatRepository implements ChatRepository {
  private readonly messages = new Map<number, Omit<ChatMessage, 'reactionCount'>>();
  private readonly reactions = new Map<number, Set<number>>();
  private nextId = 1;

  async create(message: NewChatMessage): Promise<ChatMessage> {
    const stored = { ...message, id: this.nextId++, deleted: false };
    this.messages.set(stored.id, stored);
    return { ...stored, reactionCount: 0 };
  }

  async findById(chatId: number): Promise<ChatMessage | null> {
    const m = this.messages.get(chatId);
    return m ? { ...m, reactionCount: this.reactions.get(chatId)?.size ?? 0 } : null;
  }

  async markDeleted(chatId: number, content: string): Promise<boolean> {
    const m = this.messages.get(chatId);
    if (!m || m.deleted) return false;
    this.messages.set(chatId, { ...m, deleted: true, content });
    return true;
  }

  async toggleReaction(chatId: number, userId: number): Promise<{ reacted: boolean; count: number }> {
    let set = this.reactions.get(chatId);
    if (!set) this.reactions.set(chatId, (set = new Set()));
    const reacted = !set.has(userId);
    if (reacted) set.add(userId);
    else set.delete(userId);
    return { reacted, count: set.size };
  }

  async reactors(chatId: number): Promise<number[]> {
    return [...(this.reactions.get(chatId) ?? [])].sort((a, b) => a - b);
  }

  async hasReacted(chatId: number, userId: number): Promise<boolean> {
    return this.reactions.get(chatId)?.has(userId) ?? false;
  }

  async history(classId: number, limit: number, beforeChatId?: number): Promise<{ messages: ChatMessage[]; total: number }> {
    const all = [...this.messages.values()].filter((m) => m.classId === classId).sort((a, b) => a.id - b.id);
    const eligible = beforeChatId === undefined ? all : all.filter((m) => m.id < beforeChatId);
    const page = eligible.slice(Math.max(0, eligible.length - limit));
    return { messages: page.map((m) => ({ ...m, reactionCount: this.reactions.get(m.id)?.size ?? 0 })), total: all.length };
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    let n = 0;
    for (const [id, m] of this.messages) {
      if (m.createdAt.getTime() < cutoff.getTime()) {
        this.messages.delete(id);
        this.reactions.delete(id);
        n++;
      }
    }
    return n;
  }
}
