import type { Participant } from '@sooscode/domain';
import type { PresenceRegistry } from '@sooscode/domain';

interface ClassPresence {
  /** sessionId → userId */
  readonly sessions: Map<string, number>;
  /** userId → participant */
  readonly participants: Map<number, Participant>;
}

/** Presence of a single node, in process memory. */
export class InMemoryPresenceRegistry implements PresenceRegistry {
  private readonly classes = new Map<number, ClassPresence>();

  private of(classId: number): ClassPresence {
    let c = this.classes.get(classId);
    if (!c) {
      c = { sessions: new Map(), participants: new Map() };
      this.classes.set(classId, c);
    }
    return c;
  }

  async join(classId: number, sessionId: string, member: Omit<Participant, 'joinedAt'>, now: Date): Promise<boolean> {
    const c = this.of(classId);
    c.sessions.set(sessionId, member.userId);
    if (c.participants.has(member.userId)) return false;
    c.participants.set(member.userId, { ...member, joinedAt: now });
    return true;
  }

  async leave(classId: number, sessionId: string): Promise<{ userId: number | null; userLeft: boolean; classEmpty: boolean }> {
    const c = this.classes.get(classId);
    const userId = c?.sessions.get(sessionId);
    if (!c || userId === undefined) return { userId: null, userLeft: false, classEmpty: !c || c.participants.size === 0 };
    c.sessions.delete(sessionId);
    const stillThere = [...c.sessions.values()].includes(userId);
    if (!stillThere) c.participants.delete(userId);
    const classEmpty = c.participants.size === 0;
    if (classEmpty) this.classes.delete(classId);
    return { userId, userLeft: !stillThere, classEmpty };
  }

  async participants(classId: number): Promise<Participant[]> {
    const c = this.classes.get(classId);
    if (!c) return [];
    return [...c.participants.values()].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.userId - b.userId);
  }

  async sessionsOf(classId: number, userId: number): Promise<string[]> {
    const c = this.classes.get(classId);
    if (!c) return [];
    return [...c.sessions].filter(([, u]) => u === userId).map(([s]) => s);
  }

  async clearClass(classId: number): Promise<void> {
    this.classes.delete(classId);
  }
}
