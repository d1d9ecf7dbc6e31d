import type { WireCode } from '../wire';
import { serializeFrame, HEARTBEAT_EOL } from './frame-serializer';
import { HeartbeatMonitor } from './heartbeat-monitor';
import { OutboundGuard, type SlowConsumerReason } from './outbound-guard';
import { PreparedMessage } from './prepared-message';
import type { AppError } from './stomp-application';
import { errorFrameBody, errorMessageBody } from './stomp-errors';
import type { StompVersion } from './stomp-frame';
import { NO_STOMP_OBSERVER, type StompObserver } from './stomp-observer';
import type { StompOptions } from './stomp-options';
import type { StompSocket } from './stomp-socket';
import type { Subscription } from './subscription';
import { TokenBucket } from './token-bucket';

/**
 * Everything one session writes: frames, MESSAGEs, heart-beats, error messages. Tracks outbound
 * silence for heart-beats and guards against slow consumers. Once `closed`, every write is a no-op.
 */
export class SessionOutput {
  /** Version used to escape headers; 1.2 until CONNECT negotiated another. */
  version: StompVersion = '1.2';
  closed = false;
  readonly heartbeat: HeartbeatMonitor;
  private readonly guard: OutboundGuard;
  private readonly errorBudget: TokenBucket;
  private messageSeq = 0;
  private readonly maxOutboundBytes: number;

  constructor(
    private readonly socket: StompSocket,
    options: StompOptions,
    private readonly onSlowConsumer: (reason: SlowConsumerReason) => void,
    onPeerSilent: () => void,
    private readonly observer: StompObserver = NO_STOMP_OBSERVER,
  ) {
    this.maxOutboundBytes = options.maxOutboundBytes;
    this.guard = new OutboundGuard(socket, options.maxOutboundBytes, options.maxSendBlockedMs, onSlowConsumer);
    this.heartbeat = new HeartbeatMonitor(() => this.write(HEARTBEAT_EOL), onPeerSilent);
    this.errorBudget = new TokenBucket(options.errorMessagesPerSecond, options.errorMessagesPerSecond);
  }

  /** Sends one transport message. */
  write(message: string | Buffer): void {
    if (this.closed) return;
    this.socket.send(message);
    this.heartbeat.sent();
    this.guard.afterSend();
  }

  /** Writes a frame serialized for the session's version. */
  frame(command: string, headers: Iterable<readonly [string, string]>, body?: string): void {
    if (this.closed) return;
    this.observer.frameSent();
    this.write(serializeFrame({ command, headers, ...(body === undefined ? {} : { body }) }, this.version));
  }

  receipt(receiptId: string): void {
    this.frame('RECEIPT', [['receipt-id', receiptId]]);
  }

  /** An ERROR frame (stomp.md §6.2). The caller closes the transport afterwards. */
  error(code: WireCode, receiptId: string | undefined, withVersions: string | undefined): void {
    const body = errorFrameBody(code);
    const headers: [string, string][] = [
      ['message', code],
      ['content-type', 'application/json'],
      ['content-length', String(Buffer.byteLength(body, 'utf8'))],
    ];
    if (receiptId !== undefined) headers.push(['receipt-id', receiptId]);
    if (withVersions !== undefined) headers.push(['version', withVersions]);
    this.frame('ERROR', headers, body);
  }

  /**
   * A MESSAGE for one subscription, held back while the subscription is activating. Held-back
   * bytes count against the outbound limit.
   */
  deliver(subscription: Subscription, message: PreparedMessage): void {
    if (this.closed || !subscription.active) return;
    if (!subscription.pending) {
      this.deliverNow(subscription, message);
      return;
    }
    subscription.pending.push(message);
    subscription.pendingBytes += message.approximateLength;
    if (subscription.pendingBytes > this.maxOutboundBytes) this.onSlowConsumer('outbound backlog');
  }

  /** A MESSAGE for one subscription, never held back (snapshots, released messages). */
  deliverNow(subscription: Subscription, message: PreparedMessage): void {
    if (this.closed || !subscription.active) return;
    this.observer.frameSent();
    this.write(message.frame(this.version, subscription.subscriptionLine, ++this.messageSeq, subscription.ack));
  }

  /**
   * An `ErrorMessage` to the session's `/user/queue/errors` subscriptions (stomp.md §6.1):
   * dropped when there are none or beyond the per-second budget.
   */
  reportError(queues: readonly Subscription[], error: AppError, command: 'SEND' | 'SUBSCRIBE', destination: string): void {
    if (this.closed || queues.length === 0) return;
    if (!this.errorBudget.take()) return this.observer.frameDropped('error_budget');
    const message = new PreparedMessage(queues[0]!.destination, errorMessageBody(error, command, destination));
    for (const queue of queues) this.deliverNow(queue, message);
  }

  /** Stops timers; further writes are ignored. */
  close(): void {
    this.closed = true;
    this.heartbeat.stop();
    this.guard.stop();
  }
}
