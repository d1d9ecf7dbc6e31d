import type { RunOutcome } from '@sooscode/domain';
import { pollJson } from '../compile-shared/poll-json';
import { startPolling, type StopPolling } from '../compile-shared/poll-loop';
import { silentLogger, type Logger } from '../system/logger';
import { finalJudge0Outcome } from './judge0-result';

/** Options of `Judge0Poller`. */
export interface Judge0PollerOptions {
  /** `JUDGE0_URL`. */
  readonly baseUrl: string;
  /** `JUDGE0_AUTH_TOKEN`, sent as `X-Auth-Token` when set. */
  readonly authToken?: string;
  /** `JUDGE0_POLL_AFTER_MS`: delay before the first poll, ms. Default 1500. */
  readonly pollAfterMs?: number;
  /** `JUDGE0_POLL_INTERVAL_MS`: pause between polls, ms. Default 500. */
  readonly pollIntervalMs?: number;
  /** How long after `watch` polling may go on when no deadline is given, ms. Default 4500. */
  readonly deadlineMs?: number;
  /** Limit of one poll request, ms. Default 1000. */
  readonly requestTimeoutMs?: number;
  /** Output cap, UTF-16 code units. Default 20 000. */
  readonly maxOutputChars?: number;
  /** Receives each final result once per watch; first writer wins is the receiver's concern. */
  readonly onResult: (jobId: string, outcome: RunOutcome) => void;
  readonly logger?: Logger;
}

const FIELDS = 'status,stdout,stderr,compile_output,message';

/**
 * The polling fallback of the Judge0 adapter (compile.md §7): Judge0 gives up on a callback after
 * three failed tries, so each submission is also polled at
 * `GET /submissions/{token}?base64_encoded=true&fields=…` until its status is final (reported
 * through `onResult`) or the deadline passes. Polls never overlap; errors mean "not yet".
 */
export class Judge0Poller {
  private readonly base: string;
  private readonly headers: Record<string, string>;
  private readonly pollAfterMs: number;
  private readonly pollIntervalMs: number;
  private readonly deadlineMs: number;
  private readonly requestTimeoutMs: number;
  private readonly maxOutputChars: number;
  private readonly onResult: Judge0PollerOptions['onResult'];
  private readonly logger: Logger;
  private readonly watches = new Map<string, StopPolling>();

  constructor(options: Judge0PollerOptions) {
    this.base = `${options.baseUrl.replace(/\/+$/, '')}/submissions/`;
    this.headers = options.authToken === undefined ? {} : { 'x-auth-token': options.authToken };
    this.pollAfterMs = options.pollAfterMs ?? 1500;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.deadlineMs = options.deadlineMs ?? 4500;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 1000;
    this.maxOutputChars = options.maxOutputChars ?? 20_000;
    this.onResult = options.onResult;
    this.logger = (options.logger ?? silentLogger).child({ component: 'judge0-poller' });
  }

  /** Starts polling submission `token` of `jobId` until final or `deadline` (epoch ms). */
  watch(jobId: string, token: string, deadline = Date.now() + this.deadlineMs): void {
    this.stop(jobId);
    const stop = startPolling<RunOutcome>({
      startAfterMs: this.pollAfterMs,
      intervalMs: this.pollIntervalMs,
      deadline,
      attempt: (signal) => this.fetchOnce(jobId, token, signal),
      onResult: (outcome) => this.onResult(jobId, outcome),
      onEnd: () => {
        if (this.watches.get(jobId) === stop) this.watches.delete(jobId);
      },
    });
    this.watches.set(jobId, stop);
  }

  /** Stops polling for `jobId` (e.g. once its callback has arrived). */
  stop(jobId: string): void {
    this.watches.get(jobId)?.();
  }

  /** Jobs being polled. */
  get watching(): number {
    return this.watches.size;
  }

  /** Stops every watch (at shutdown). */
  close(): void {
    for (const stop of [...this.watches.values()]) stop();
  }

  private async fetchOnce(jobId: string, token: string, signal: AbortSignal): Promise<RunOutcome | undefined> {
    try {
      const answer = await pollJson(`${this.base}${encodeURIComponent(token)}`, {
        searchParams: { base64_encoded: 'true', fields: FIELDS },
        headers: this.headers,
        timeoutMs: this.requestTimeoutMs,
        signal,
      });
      if ('status' in answer) {
        this.logger.debug({ jobId, status: answer.status }, 'judge0 poll answered with an error status');
        return undefined;
      }
      return finalJudge0Outcome(answer.body, this.maxOutputChars);
    } catch (e) {
      if (!signal.aborted) this.logger.debug({ jobId, err: e instanceof Error ? e.name : String(e) }, 'judge0 poll failed');
      return undefined;
    }
  }
}
