import { DEFAULT_FRAME_LIMITS, type FrameParserLimits } from './frame-parser';

/**
 * Limits and timings of the STOMP engine (stomp.md §2.3 and §7). Every value has the contract's
 * default; durations are milliseconds, sizes bytes, rates per second.
 */
export interface StompOptions extends FrameParserLimits {
  /** `STOMP_HEARTBEAT_SEND_MS`: the server's `sx`. Default 10000. */
  readonly heartbeatSendMs: number;
  /** `STOMP_HEARTBEAT_RECEIVE_MS`: the server's `sy`. Default 0. */
  readonly heartbeatReceiveMs: number;
  /** CONNECT must be processed within this time after the transport opens. Default 10000. */
  readonly connectTimeoutMs: number;
  /** `STOMP_MAX_SESSIONS_PER_USER`. Default 5. */
  readonly maxSessionsPerUser: number;
  /** Subscriptions per session. Default 64. */
  readonly maxSubscriptions: number;
  /** Token bucket for inbound SEND and SUBSCRIBE: capacity. Default 40. */
  readonly inboundBurst: number;
  /** Token bucket for inbound SEND and SUBSCRIBE: tokens added per second. Default 20. */
  readonly inboundPerSecond: number;
  /** Error messages sent to `/user/queue/errors` per session and second. Default 10. */
  readonly errorMessagesPerSecond: number;
  /** Outbound bytes queued in the transport before the session is cut off (1008). Default 1 MiB. */
  readonly maxOutboundBytes: number;
  /** A send still not written after this long cuts the session off (1008). Default 10000. */
  readonly maxSendBlockedMs: number;
  /**
   * Unprocessed inbound bytes per session. Reading is paused (where the transport can) at a
   * quarter of this; past it the session is closed with 1008. Default 1 MiB.
   */
  readonly maxInboundBacklogBytes: number;
}

export const DEFAULT_STOMP_OPTIONS: StompOptions = {
  ...DEFAULT_FRAME_LIMITS,
  heartbeatSendMs: 10_000,
  heartbeatReceiveMs: 0,
  connectTimeoutMs: 10_000,
  maxSessionsPerUser: 5,
  maxSubscriptions: 64,
  inboundBurst: 40,
  inboundPerSecond: 20,
  errorMessagesPerSecond: 10,
  maxOutboundBytes: 1024 * 1024,
  maxSendBlockedMs: 10_000,
  maxInboundBacklogBytes: 1024 * 1024,
};

/** Fills in defaults and rejects values that cannot work. */
export function resolveStompOptions(overrides: Partial<StompOptions> = {}): StompOptions {
  const options: StompOptions = { ...DEFAULT_STOMP_OPTIONS, ...withoutUndefined(overrides) };
  for (const [key, value] of Object.entries(options)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`STOMP option ${key} must be a finite number >= 0`);
    }
  }
  if (options.maxHeaderBytes > options.maxFrameBytes) throw new RangeError('maxHeaderBytes exceeds maxFrameBytes');
  return options;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
