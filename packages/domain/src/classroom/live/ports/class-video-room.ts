/**
 * The video room of a class as the live classroom uses it (implemented by media over LiveKit).
 * Calls report failure as `{ ok: false }`; the caller treats them as best effort.
 */
export interface ClassVideoRoom {
  /** Closes the video room of class `classId`, disconnecting everyone. */
  close(classId: number): Promise<{ readonly ok: boolean }>;
  /** Disconnects user `userId` from the video room of class `classId`. */
  removeUser(classId: number, userId: number): Promise<{ readonly ok: boolean }>;
}
