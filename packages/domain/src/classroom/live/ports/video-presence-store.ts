/**
 * Which users of a class are in its LiveKit room (the `video` flag, livekit.md §4). Each flag remembers the
 * LiveKit participant sid that set it, so a late "left" of an older connection cannot clear a newer one.
 */
export interface VideoPresenceStore {
  /** Sets the flag for (class, user) from participant `sid`. Returns true when the flag changed. */
  setOn(classId: number, userId: number, sid: string): Promise<boolean>;
  /** Clears the flag if it was set by `sid`. Returns true when it changed. */
  clearIfSid(classId: number, userId: number, sid: string): Promise<boolean>;
  /** User ids whose flag is on. */
  usersOn(classId: number): Promise<Set<number>>;
  /** Clears every flag of the class; returns the user ids that were on. */
  clearClass(classId: number): Promise<number[]>;
}
