import ky, { isHTTPError } from 'ky';
import type { RunOutcome } from '@sooscode/domain';
import type { Logger } from '../system/logger';

/** How the worker delivers a result. */
export interface CallbackPolicy {
  /** Attempts in total, including the first. Default 4. */
  readonly attempts: number;
  /** Per-attempt limit, ms. Default 5000. */
  readonly timeoutMs: number;
  /** Pause between attempts, ms (doubled each time). Default 250. */
  readonly retryDelayMs: number;
}

/**
 * POSTs `{jobId, status, output}` to `callbackUrl` exactly as given (compile.md §3). Any HTTP
 * answer ends the delivery, whatever its status (the API's answer carries no instruction); a
 * network failure or a timeout is retried, since duplicate callbacks are harmless. Resolves
 * `true` when some HTTP answer came back; never rejects. The URL carries a credential, so it is
 * never logged.
 */
export async function sendCallback(
  callbackUrl: string,
  jobId: string,
  outcome: RunOutcome,
  policy: CallbackPolicy,
  logger: Logger,
): Promise<boolean> {
  try {
    const res = await ky.post(callbackUrl, {
      json: { jobId, status: outcome.status, output: outcome.output },
      timeout: policy.timeoutMs,
      throwHttpErrors: false,
      retry: {
        limit: Math.max(0, policy.attempts - 1),
        methods: ['post'],
        statusCodes: [],
        delay: (attempt) => policy.retryDelayMs * 2 ** (attempt - 1),
        shouldRetry: ({ error }) => !isHTTPError(error),
      },
    });
    await res.body?.cancel().catch(() => undefined);
    if (!res.ok) logger.warn({ jobId, status: res.status }, 'callback answered with an error status');
    return true;
  } catch (e) {
    logger.warn({ jobId, err: e instanceof Error ? e.name : String(e) }, 'callback could not be delivered');
    return false;
  }
}
