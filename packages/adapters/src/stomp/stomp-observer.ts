/** Why a frame was dropped instead of processed or sent. */
export type DroppedFrameReason = 'rate_limit' | 'error_budget';

/**
 * Told about STOMP traffic (metrics). Called on the hot path: implementations only bump counters,
 * must not throw and must not block.
 */
export interface StompObserver {
  /** A frame arrived from a client and is about to be processed (`command` as sent, e.g. SEND). */
  frameReceived(command: string): void;
  /** A frame (MESSAGE, RECEIPT, ERROR, CONNECTED) was written to a client; heart-beats excluded. */
  frameSent(): void;
  /** An inbound SEND/SUBSCRIBE refused by the rate budget, or an error message over its budget. */
  frameDropped(reason: DroppedFrameReason): void;
  /** A session cut off as a slow consumer (1008). */
  slowConsumer(): void;
}

/** Observes nothing. */
export const NO_STOMP_OBSERVER: StompObserver = {
  frameReceived: () => undefined,
  frameSent: () => undefined,
  frameDropped: () => undefined,
  slowConsumer: () => undefined,
};
