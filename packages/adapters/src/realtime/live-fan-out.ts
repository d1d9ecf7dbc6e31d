/**
 * Delivers ready JSON bodies to STOMP destinations: of this process (`LocalLiveSessions`) or of every
 * node (`RedisLiveBus`). Below the domain's `RoomBroadcaster`, which speaks in events.
 */
export interface LiveFanOut {
  /** Sends `body` to every subscriber of `destination` (e.g. `/topic/class/1/chat`). */
  publish(destination: string, body: object): Promise<void>;
  /** Sends `body` to `/user/queue/...` destination `destination` of every session of `userId`. */
  sendToUser(userId: number, destination: string, body: object): Promise<void>;
}
