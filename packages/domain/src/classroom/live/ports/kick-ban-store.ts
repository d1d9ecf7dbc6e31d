/** Users banned from a class's live session after a kick (stomp.md §5.8). */
export interface KickBanStore {
  /** Bans `userId` from `classId` for `ttlS` seconds (KICK_BAN_TTL_S) or until the class ends. */
  ban(classId: number, userId: number, ttlS: number): Promise<void>;
  isBanned(classId: number, userId: number): Promise<boolean>;
  /** Lifts every ban of the class (class end). */
  clearClass(classId: number): Promise<void>;
}
