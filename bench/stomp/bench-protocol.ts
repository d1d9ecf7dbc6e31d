// IPC messages between the bench orchestrator (bench/stomp.ts) and its two child processes.

/**
 * Which server a run measures: our STOMP engine, a bare `ws` broadcast (the ceiling), or a
 * RabbitMQ web-stomp endpoint when one is reachable.
 */
export type ServerKind = 'stomp' | 'raw' | 'rabbit';

export type ServerCommand = { readonly type: 'rss' } | { readonly type: 'cpu' } | { readonly type: 'stop' };
export type ServerReply =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'rss'; readonly rss: number }
  /** CPU time (user + system) the server process has used so far, in microseconds. */
  | { readonly type: 'cpu'; readonly micros: number };

export interface RunSpec {
  /** Which prepared set of clients publishes and receives. */
  readonly kind: ServerKind;
  /** `rate`: fixed messages per second for `durationMs`; `max`: as fast as a bounded window allows. */
  readonly mode: 'rate' | 'max';
  readonly rate: number;
  readonly durationMs: number;
  /** Messages published but not yet received by every subscriber, at most (max mode). */
  readonly window: number;
}

export interface RunResult {
  readonly published: number;
  readonly expected: number;
  readonly delivered: number;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Subscribers the server disconnected during the run (slow-consumer cut-offs). */
  readonly cutOff: number;
  /** CPU time of the load generator over the run (warm-up and drain included), microseconds. */
  readonly loadCpuMicros: number;
  /** CPU time of the server over the run, microseconds (filled in by the orchestrator). */
  serverCpuMicros?: number;
}

export type LoadCommand =
  | { readonly type: 'prepare'; readonly kind: ServerKind; readonly url: string; readonly subscribers: number }
  /** Runs the specs at the same time (one per server) and answers their results in order. */
  | { readonly type: 'run'; readonly specs: readonly RunSpec[] }
  | { readonly type: 'teardown'; readonly kind: ServerKind }
  | { readonly type: 'idle'; readonly url: string; readonly count: number }
  | { readonly type: 'release' }
  | { readonly type: 'stop' };

export type LoadReply =
  | { readonly type: 'prepared' }
  | { readonly type: 'results'; readonly results: readonly RunResult[] }
  | { readonly type: 'idle-ready'; readonly count: number }
  | { readonly type: 'released' };

/** The 256-byte JSON message body every run publishes. */
export function benchPayload(seq: number, sentAt: number): string {
  const head = `{"seq":${seq},"t":${sentAt.toFixed(3)},"pad":"`;
  return head + 'x'.repeat(Math.max(0, 256 - head.length - 2)) + '"}';
}

/** Percentile (0..100) of the first `count` values, which it sorts in place. */
export function percentile(values: Float64Array, count: number, p: number): number {
  if (count === 0) return Number.NaN;
  const sorted = values.subarray(0, count).sort();
  return sorted[Math.min(count - 1, Math.floor((p / 100) * count))] ?? Number.NaN;
}
