/**
 * Commands to the live (STOMP) sessions of every node, used by REST actions (end, kick, unassign).
 * Implemented by the real-time adapter.
 */
export interface LiveSessionControl {
  /**
   * Detaches sessions from class `classId` (all of them, or only `userId`'s): drops their subscriptions to
   * the class's destinations, without notice, and marks them not joined (stomp.md §5.7 step 3).
   * Presence bookkeeping is the caller's job.
   */
  detach(classId: number, userId?: number): Promise<void>;
}

/** Publishes JSON payloads to STOMP destinations on every node. */
export interface RoomBroadcaster {
  /** Sends `payload` to every subscriber of `destination` (e.g. `/topic/class/1/chat`). */
  publish(destination: string, payload: object): Promise<void>;
  /** Sends `payload` to `/user/queue/...` destination `destination` of every session of `userId`. */
  sendToUser(userId: number, destination: string, payload: object): Promise<void>;
}
