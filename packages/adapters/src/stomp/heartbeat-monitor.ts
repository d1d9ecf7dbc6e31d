/**
 * STOMP heart-beating for one session (stomp.md §2.3), with the intervals already negotiated:
 * - outgoing: `onIdle` is called whenever nothing was sent for `outgoingMs` (the session then
 *   sends a single EOL, which counts as sent);
 * - incoming: `onPeerSilent` is called once nothing was received for 3 × `incomingMs`.
 * A zero interval disables that direction. Timers are unref'd and re-armed lazily, so a busy
 * session costs one timestamp per send/receive rather than a timer reset.
 */
export class HeartbeatMonitor {
  private lastSentAt = Date.now();
  private lastReceivedAt = Date.now();
  private outgoingMs = 0;
  private silenceLimitMs = 0;
  private outTimer: NodeJS.Timeout | undefined;
  private inTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onIdle: () => void,
    private readonly onPeerSilent: () => void,
  ) {}

  /** Notes outbound traffic. */
  sent(): void {
    this.lastSentAt = Date.now();
  }

  /** Notes inbound traffic. */
  received(): void {
    this.lastReceivedAt = Date.now();
  }

  start(outgoingMs: number, incomingMs: number): void {
    this.stop();
    this.outgoingMs = outgoingMs;
    this.silenceLimitMs = incomingMs * 3;
    this.lastReceivedAt = Date.now();
    if (outgoingMs > 0) this.outTimer = later(() => this.checkOutgoing(), outgoingMs - (Date.now() - this.lastSentAt));
    if (incomingMs > 0) this.inTimer = later(() => this.checkIncoming(), this.silenceLimitMs);
  }

  stop(): void {
    clearTimeout(this.outTimer);
    clearTimeout(this.inTimer);
    this.outTimer = this.inTimer = undefined;
  }

  private checkOutgoing(): void {
    if (Date.now() - this.lastSentAt >= this.outgoingMs) this.onIdle();
    if (!this.outTimer) return; // stopped by onIdle
    this.outTimer = later(() => this.checkOutgoing(), this.outgoingMs - (Date.now() - this.lastSentAt));
  }

  private checkIncoming(): void {
    const silentFor = Date.now() - this.lastReceivedAt;
    if (silentFor >= this.silenceLimitMs) {
      this.inTimer = undefined;
      this.onPeerSilent();
      return;
    }
    this.inTimer = later(() => this.checkIncoming(), this.silenceLimitMs - silentFor);
  }
}

function later(fn: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(fn, Math.max(1, ms));
  timer.unref();
  return timer;
}
