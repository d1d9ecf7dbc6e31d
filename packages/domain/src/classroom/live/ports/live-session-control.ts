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
