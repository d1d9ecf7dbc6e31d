import type { StompSocket } from './stomp-socket';

/** Why a consumer was cut off. */
export type SlowConsumerReason = 'outbound backlog' | 'send blocked';

/**
 * Detects slow consumers (stomp.md §7): more than `maxBytes` queued in the transport, or a send
 * not written out `maxBlockedMs` after it was made. Checked after every send; the blocked check
 * uses one unref'd timer per session, armed only while writes are outstanding.
 */
export class OutboundGuard {
  private timer: NodeJS.Timeout | undefined;
  private target = 0;

  constructor(
    private readonly socket: StompSocket,
    private readonly maxBytes: number,
    private readonly maxBlockedMs: number,
    private readonly onSlowConsumer: (reason: SlowConsumerReason) => void,
  ) {}

  /** Call after each send. May call `onSlowConsumer` synchronously. */
  afterSend(): void {
    if (this.socket.bufferedAmount > this.maxBytes) {
      this.onSlowConsumer('outbound backlog');
      return;
    }
    if (!this.timer && this.socket.flushedMessages < this.socket.sentMessages) this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    this.target = this.socket.sentMessages;
    this.timer = setTimeout(() => this.check(), this.maxBlockedMs);
    this.timer.unref();
  }

  private check(): void {
    this.timer = undefined;
    if (this.socket.flushedMessages < this.target) this.onSlowConsumer('send blocked');
    else if (this.socket.flushedMessages < this.socket.sentMessages) this.arm();
  }
}
