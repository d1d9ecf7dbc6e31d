import type { Participant } from '../participant';

/**
 * Who is present in which live class, by STOMP session (stomp.md §4). Shared by every node; entries of
 * a node that dies expire within 60 s (implementations refresh their own entries while alive).
 */
export interface PresenceRegistry {
  /**
   * Marks `sessionId` joined to `classId`. Returns true when it is the user's first joined session in
   * that class (a participant was added, with `joinedAt = now`).
   */
  join(classId: number, sessionId: string, member: Omit<Participant, 'joinedAt'>, now: Date): Promise<boolean>;
  /**
   * Removes `sessionId` from `classId`. `userLeft` is true when it was the user's last joined session
   * (the participant was removed); `classEmpty` when no participant remains. Unknown sessions are a no-op.
   */
  leave(classId: number, sessionId: string): Promise<{ userId: number | null; userLeft: boolean; classEmpty: boolean }>;
  /** Present users ordered by `joinedAt`, then `userId`. */
  participants(classId: number): Promise<Participant[]>;
  /** Joined session ids of `userId` in `classId`. */
  sessionsOf(classId: number, userId: number): Promise<string[]>;
  /** Forgets every session and participant of the class (class end). */
  clearClass(classId: number): Promise<void>;
}
