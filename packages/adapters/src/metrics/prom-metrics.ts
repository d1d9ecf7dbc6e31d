import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AnsweredRequest, HttpRequestObserver } from '../http/request-observer';
import type { DroppedFrameReason, StompObserver } from '../stomp/stomp-observer';

/** Live counts read at scrape time. */
export interface MetricSources {
  /** Open STOMP sessions on this node (connected or not yet). */
  readonly stompSessions: () => number;
  /** STOMP subscriptions on this node. */
  readonly stompSubscriptions: () => number;
  /** Compile runs on this node waiting for their result. */
  readonly pendingCompileJobs: () => number;
}

const STOMP_COMMANDS = ['CONNECT', 'STOMP', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK', 'BEGIN', 'COMMIT', 'ABORT', 'DISCONNECT'];
const LATENCY_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const COMPILE_BUCKETS_S = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 10, 30];

/**
 * The node's Prometheus metrics (prom-client, one registry per server so several servers can
 * share a process). Names are prefixed `sooscode_`; durations are in seconds. HTTP routes are
 * labelled with their template, never the raw path, so the label set stays bounded.
 */
export class PromMetrics implements HttpRequestObserver, StompObserver {
  readonly registry = new Registry();
  private sources: MetricSources | undefined;
  private readonly httpRequests = new Counter({ name: 'sooscode_http_requests_total', help: 'HTTP requests answered, by method, route template and status.', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  private readonly httpDuration = new Histogram({ name: 'sooscode_http_request_duration_seconds', help: 'HTTP request latency (arrival to handler end), by method, route template and status.', labelNames: ['method', 'route', 'status'] as const, buckets: LATENCY_BUCKETS_S, registers: [this.registry] });
  private readonly httpChildren = new Map<string, { count: Counter.Internal; duration: Histogram.Internal<'method' | 'route' | 'status'> }>();
  private readonly stompFramesIn = new Counter({ name: 'sooscode_stomp_frames_received_total', help: 'STOMP frames received from clients, by command.', labelNames: ['command'] as const, registers: [this.registry] });
  private readonly stompFramesOut = new Counter({ name: 'sooscode_stomp_frames_sent_total', help: 'STOMP frames sent to clients (MESSAGE, RECEIPT, ERROR, CONNECTED; heart-beats excluded).', registers: [this.registry] });
  private readonly stompDropped = new Counter({ name: 'sooscode_stomp_frames_dropped_total', help: 'STOMP frames dropped: inbound SEND/SUBSCRIBE over the rate budget, error messages over their budget.', labelNames: ['reason'] as const, registers: [this.registry] });
  private readonly stompSlow = new Counter({ name: 'sooscode_stomp_slow_consumers_total', help: 'STOMP sessions closed as slow consumers (1008).', registers: [this.registry] });
  private readonly compileJobs = new Counter({ name: 'sooscode_compile_jobs_total', help: 'Compile runs answered, by outcome (success, fail, or the error code) and backend.', labelNames: ['outcome', 'backend'] as const, registers: [this.registry] });
  private readonly compileWait = new Histogram({ name: 'sooscode_compile_queue_wait_seconds', help: 'Time a compile run waited from arrival to its answer (backend queue plus execution), by backend.', labelNames: ['backend'] as const, buckets: COMPILE_BUCKETS_S, registers: [this.registry] });
  private readonly chatStored = new Counter({ name: 'sooscode_chat_messages_stored_total', help: 'Chat messages stored.', registers: [this.registry] });
  private readonly redisErrors = new Counter({ name: 'sooscode_redis_errors_total', help: 'Errors reported by the Redis connection.', registers: [this.registry] });
  private readonly databaseErrors = new Counter({ name: 'sooscode_database_errors_total', help: 'Database queries that failed (constraint violations the application handles included).', registers: [this.registry] });

  private readonly stompFramesInByCommand = new Map(STOMP_COMMANDS.map((c) => [c, this.stompFramesIn.labels({ command: c })] as const));
  private readonly stompFramesInOther = this.stompFramesIn.labels({ command: 'OTHER' });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    for (const reason of ['rate_limit', 'error_budget'] as const) this.stompDropped.inc({ reason }, 0); // both series from the start
    const read = (pick: (s: MetricSources) => number) => () => (this.sources ? pick(this.sources) : 0);
    const gauge = (name: string, help: string, value: () => number) =>
      new Gauge({ name, help, registers: [this.registry], collect() { this.set(value()); } });
    gauge('sooscode_stomp_sessions', 'Open STOMP sessions on this node.', read((s) => s.stompSessions()));
    gauge('sooscode_stomp_subscriptions', 'STOMP subscriptions on this node.', read((s) => s.stompSubscriptions()));
    gauge('sooscode_compile_pending_jobs', 'Compile runs on this node waiting for their result.', read((s) => s.pendingCompileJobs()));
  }

  /** Sets where the gauges read their values (once the container is built). */
  watch(sources: MetricSources): void {
    this.sources = sources;
  }

  /** The exposition: Prometheus text format. */
  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  requestAnswered(r: AnsweredRequest): void {
    const key = `${r.method} ${r.status} ${r.route}`;
    let child = this.httpChildren.get(key);
    if (!child) {
      const labels = { method: r.method, route: r.route, status: String(r.status) };
      child = { count: this.httpRequests.labels(labels), duration: this.httpDuration.labels(labels) };
      this.httpChildren.set(key, child);
    }
    child.count.inc();
    child.duration.observe(r.durationMs / 1000);
  }

  frameReceived(command: string): void {
    // a client may send any command (it is refused), so only the STOMP 1.2 commands get their own label
    (this.stompFramesInByCommand.get(command) ?? this.stompFramesInOther).inc();
  }

  frameSent(): void {
    this.stompFramesOut.inc();
  }

  frameDropped(reason: DroppedFrameReason): void {
    this.stompDropped.inc({ reason });
  }

  slowConsumer(): void {
    this.stompSlow.inc();
  }

  /** A compile run was answered after `waitedMs` milliseconds with `outcome`. */
  compileAnswered(outcome: string, backend: string, waitedMs: number): void {
    this.compileJobs.inc({ outcome, backend });
    this.compileWait.observe({ backend }, waitedMs / 1000);
  }

  chatMessageStored(): void {
    this.chatStored.inc();
  }

  redisError(): void {
    this.redisErrors.inc();
  }

  databaseError(): void {
    this.databaseErrors.inc();
  }
}
