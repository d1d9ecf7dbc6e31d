import type { StompSocket } from './stomp-socket';

/** Why a consumer was cut off. */
export type SlowConsumerReason = 'outbound backlog' | 'send blocked';

/**
 * Detects slow consumers (stomp.md §7): more than `maxBytes` queued in the transport, or bytes
 * sent at some moment still not written out `maxBlockedMs` later. Checked after every send; the
 * blocked check uses one unref'd timer per session, armed only while bytes are queued, so a
 * consumer that keeps up costs no timer at all.
 */
export class OutboundGuard {
  private timer: NodeJS.Timeout | undefined;
  /** `sentBytes` when the timer was armed: all of it must be written out by the deadline. */
  private target = 0;

  constructor(
    private readonly socket: StompSocket,
    private readonly maxBytes: number,
    private readonly maxBlockedMs: number,
    private readonly onSlowConsumer: (reason: SlowConsumerReason) => void,
  ) {}

  /** Call after each send. May call `onSlowConsumer` synchronously. */
  afterSend(): void {
    const buffered = this.socket.bufferedAmount;
    if (buffered > this.maxBytes) {
      this.onSlowConsumer('outbound backlog');
      return;
    }
    if (!this.timer && buffered > 0) this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    this.target = this.socket.sentBytes;
    this.timer = setTimeout(() => this.check(), this.maxBlockedMs);
    this.timer.unref();
  }

  private check(): void {
    this.timer = undefined;
    const { sentBytes, bufferedAmount } = this.socket;
    if (sentBytes - bufferedAmount < this.target) this.onSlowConsumer('send blocked');
    else if (bufferedAmount > 0) this.arm();
  }
}
