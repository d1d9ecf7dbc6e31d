import { Agent as HttpAgent, request as httpRequest, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { domainError, err, ok, type CompileWorker, type DispatchRequest, type DomainError, type Result } from '@sooscode/domain';
import { errorCode, isConnectError } from '../compile-shared/connect-retry';
import { silentLogger, type Logger } from '../system/logger';

/** Options of `NodeHttpCompileWorker`. */
export interface NodeHttpCompileWorkerOptions {
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
  /** Kept-alive connections to the worker at most. Default 256. */
  readonly maxSockets?: number;
  readonly logger?: Logger;
}

type Attempt = { readonly status: number } | { readonly error: unknown; readonly retryable: boolean };

/**
 * The API's client of a SoosCode worker (compile.md §3) on `node:http` with kept-alive
 * connections: POSTs `{jobId, code, callbackUrl, language}` to `{baseUrl}/api/compile/run`. Any
 * 2xx within the dispatch timeout is success (the body is ignored). Retried within that same
 * budget, and only when nothing can have reached the worker: a connection failure, or a kept-alive
 * connection the worker had already closed. An HTTP error or a timeout is never retried. Every
 * failure is `COMPILE_004`. Plain `node:http` rather than ky/fetch: about a quarter of the CPU per
 * dispatch (no fetch/web-stream machinery), which is most of the orchestration overhead, and a
 * kept-alive agent whose stale sockets are retried once, safely.
 * The callback URL carries a credential and is never logged.
 */
export class NodeHttpCompileWorker implements CompileWorker {
  private readonly target: URL;
  private readonly agent: HttpAgent;
  private readonly send: typeof httpRequest;
  private readonly auth: string | undefined;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly logger: Logger;

  constructor(options: NodeHttpCompileWorkerOptions) {
    this.target = new URL(`${options.baseUrl.replace(/\/+$/, '')}/api/compile/run`);
    const https = this.target.protocol === 'https:';
    // Idle sockets are dropped after 4 s, before a Node.js worker's default 5 s keep-alive timeout.
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 256, timeout: 4000 };
    this.agent = https ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    this.send = https ? httpsRequest : httpRequest;
    this.auth = options.token === undefined ? undefined : `Bearer ${options.token}`;
    this.timeoutMs = options.dispatchTimeoutMs ?? 1500;
    this.retries = options.connectRetries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.logger = (options.logger ?? silentLogger).child({ component: 'compile-worker-client' });
  }

  async dispatch(req: DispatchRequest): Promise<Result<void, DomainError>> {
    const body = JSON.stringify({ jobId: req.jobId, code: req.code, callbackUrl: req.callbackUrl, language: req.language });
    const deadline = Date.now() + this.timeoutMs;
    let staleRetried = false;
    for (let connectRetries = 0; ; ) {
      const attempt = await this.post(body, deadline - Date.now());
      if ('status' in attempt) {
        if (attempt.status >= 200 && attempt.status < 300) return ok();
        this.logger.warn({ jobId: req.jobId, status: attempt.status }, 'compile worker refused the job');
        return err(domainError('COMPILE_004'));
      }
      const stale = attempt.retryable && !staleRetried;
      const connect = isConnectError(attempt.error) && connectRetries < this.retries;
      const pause = stale ? 0 : this.retryDelayMs;
      if ((stale || connect) && Date.now() + pause < deadline) {
        if (stale) staleRetried = true;
        else connectRetries++;
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
        continue;
      }
      this.logger.warn({ jobId: req.jobId, reason: errorCode(attempt.error) ?? (attempt.error instanceof Error ? attempt.error.message : 'unknown') }, 'compile worker unreachable');
      return err(domainError('COMPILE_004'));
    }
  }

  /** Closes the kept-alive connections (at shutdown). */
  close(): void {
    this.agent.destroy();
  }

  /** One POST; resolves with the status as soon as it is known (the body is drained), never rejects. */
  private post(body: string, timeoutMs: number): Promise<Attempt> {
    return new Promise((resolve) => {
      if (timeoutMs <= 0) return resolve({ error: new Error('dispatch timeout'), retryable: false });
      let done = false;
      const finish = (a: Attempt): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(a);
      };
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (this.auth) headers.authorization = this.auth;
      const request: ClientRequest = this.send(this.target, { method: 'POST', agent: this.agent, headers }, (res) => {
        res.on('error', () => undefined);
        res.resume();
        finish({ status: res.statusCode ?? 0 });
      });
      const timer = setTimeout(() => {
        finish({ error: new Error('dispatch timeout'), retryable: false });
        request.destroy();
      }, timeoutMs);
      request.on('error', (e: NodeJS.ErrnoException) => finish({ error: e, retryable: request.reusedSocket && e.code === 'ECONNRESET' }));
      request.end(body);
    });
  }
}
