/**
 * Remembers which LiveKit webhook events were already accepted, by event id, for a while
 * (`LIVEKIT_WEBHOOK_DEDUPE_S`). LiveKit's signing token carries no nonce and stays valid for
 * 5 minutes, so a captured request could be replayed; the second delivery of an id is caught here.
 *
 * Shared by every node: when two deliveries of one id race, exactly one `markSeen` returns true.
 */
export interface WebhookEventDedupe {
  /**
   * Records `eventId` for `ttlS` seconds (a positive integer). Returns true when the id was not
   * already recorded (the caller should process the event), false for a duplicate.
   */
  markSeen(eventId: string, ttlS: number): Promise<boolean>;
  /**
   * Forgets `eventId`, so a later delivery of it is processed again. Used when processing an
   * event failed, so LiveKit's retry is not swallowed as a duplicate. Unknown ids are a no-op.
   */
  forget(eventId: string): Promise<void>;
}
