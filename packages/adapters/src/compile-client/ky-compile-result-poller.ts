import type { RunOutcome } from '@sooscode/domain';
import { silentLogger, type Logger } from '../system/logger';
import { pollJson } from '../compile-shared/poll-json';
import { startPolling, type StopPolling } from '../compile-shared/poll-loop';

/** Options of `KyCompileResultPoller` (the `COMPILE_POLL_FALLBACK` of compile.md §3). */
export interface KyCompileResultPollerOptions {
  /** `COMPILE_WORKER_URL`. */
  readonly baseUrl: string;
  /** `COMPILE_WORKER_TOKEN`, sent as `Authorization: Bearer` when set. */
  readonly token?: string;
  /** Delay before the first poll, ms. Default 2000. */
  readonly startAfterMs?: number;
  /** Pause between polls, ms. Default 500. */
  readonly intervalMs?: number;
  /** Limit of one poll request, ms. Default 1000. */
  readonly requestTimeoutMs?: number;
  readonly logger?: Logger;
}

const FINAL = new Set(['SUCCESS', 'FAIL', 'ERROR']);

/**
 * Polls `GET {worker}/api/compile/result/{jobId}` for results whose callback got lost.
 * `PENDING`, `RUNNING`, `NOT_FOUND`, HTTP errors and timeouts mean "not yet"; polls never
 * overlap. Who wins against the callback is the caller's concern (first writer wins).
 */
export class KyCompileResultPoller {
  private readonly base: string;
  private readonly headers: Record<string, string>;
  private readonly startAfterMs: number;
  private readonly intervalMs: number;
  private readonly requestTimeoutMs: number;
  private readonly logger: Logger;
  private readonly watches = new Set<StopPolling>();

  constructor(options: KyCompileResultPollerOptions) {
    this.base = `${options.baseUrl.replace(/\/+$/, '')}/api/compile/result/`;
    this.headers = options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
    this.startAfterMs = options.startAfterMs ?? 2000;
    this.intervalMs = options.intervalMs ?? 500;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 1000;
    this.logger = (options.logger ?? silentLogger).child({ component: 'compile-result-poller' });
  }

  /**
   * Polls for `jobId` until a final result, passed once to `onResult`, or until `deadline`
   * (epoch ms; nothing is reported then). Returns a function that stops the watch.
   */
  watch(jobId: string, deadline: number, onResult: (outcome: RunOutcome) => void): StopPolling {
    const stop = startPolling<RunOutcome>({
      startAfterMs: this.startAfterMs,
      intervalMs: this.intervalMs,
      deadline,
      attempt: (signal) => this.fetchOnce(jobId, signal),
      onResult,
      onEnd: () => this.watches.delete(stop),
    });
    this.watches.add(stop);
    return stop;
  }

  /** Stops every watch (at shutdown). */
  close(): void {
    for (const stop of [...this.watches]) stop();
  }

  private async fetchOnce(jobId: string, signal: AbortSignal): Promise<RunOutcome | undefined> {
    try {
      const answer = await pollJson(this.base + encodeURIComponent(jobId), { headers: this.headers, timeoutMs: this.requestTimeoutMs, signal });
      if (!('body' in answer)) return undefined;
      const body = answer.body;
      if (body === null || typeof body !== 'object') return undefined;
      const { status, output } = body as { status?: unknown; output?: unknown };
      if (typeof status !== 'string' || !FINAL.has(status)) return undefined;
      return { status: status as RunOutcome['status'], output: typeof output === 'string' ? output : '' };
    } catch (e) {
      if (!signal.aborted) this.logger.debug({ jobId, err: e instanceof Error ? e.name : String(e) }, 'result poll failed');
      return undefined;
    }
  }
}
