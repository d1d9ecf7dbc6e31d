import ky from 'ky';
import { domainError, err, ok, type CompileWorker, type DispatchRequest, type DomainError, type Result } from '@sooscode/domain';
import { silentLogger, type Logger } from '../system/logger';
import { connectRetry, errorCode } from '../compile-shared/connect-retry';

/** Options of `KyCompileWorker`. */
export interface KyCompileWorkerOptions {
  /** `COMPILE_WORKER_URL`, e.g. `http://localhost:8081` (a trailing slash is ignored). */
  readonly baseUrl: string;
  /** `COMPILE_WORKER_TOKEN`; when set it is sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** `COMPILE_DISPATCH_TIMEOUT_MS`: connect plus answer, retries included, ms. Default 1500. */
  readonly dispatchTimeoutMs?: number;
  /** Extra attempts after a connection failure (nothing was sent). Default 2. */
  readonly connectRetries?: number;
  /** Pause before such a retry, ms. Default 100. */
  readonly retryDelayMs?: number;
  readonly logger?: Logger;
}

/**
 * The API's client of a SoosCode worker (compile.md §3): POSTs `{jobId, code, callbackUrl,
 * language}` to `{baseUrl}/api/compile/run`. Any 2xx within the dispatch timeout is success
 * (the body is ignored). A connection failure is retried within that same time budget; an HTTP
 * error or a timeout never is (the worker may already be running the job). Every failure is
 * `COMPILE_004`. The callback URL carries a credential and is never logged.
 */
export class KyCompileWorker implements CompileWorker {
  private readonly runUrl: string;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly logger: Logger;

  constructor(options: KyCompileWorkerOptions) {
    this.runUrl = `${options.baseUrl.replace(/\/+$/, '')}/api/compile/run`;
    this.headers = options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
    this.timeoutMs = options.dispatchTimeoutMs ?? 1500;
    this.retries = options.connectRetries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.logger = (options.logger ?? silentLogger).child({ component: 'compile-worker-client' });
  }

  async dispatch(req: DispatchRequest): Promise<Result<void, DomainError>> {
    try {
      const res = await ky.post(this.runUrl, {
        json: { jobId: req.jobId, code: req.code, callbackUrl: req.callbackUrl, language: req.language },
        headers: this.headers,
        timeout: false,
        signal: AbortSignal.timeout(this.timeoutMs),
        throwHttpErrors: false,
        retry: connectRetry(this.retries, this.retryDelayMs),
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.ok) return ok();
      this.logger.warn({ jobId: req.jobId, status: res.status }, 'compile worker refused the job');
    } catch (e) {
      this.logger.warn({ jobId: req.jobId, reason: errorCode(e) ?? (e instanceof Error ? e.name : 'unknown') }, 'compile worker unreachable');
    }
    return err(domainError('COMPILE_004'));
  }
}
