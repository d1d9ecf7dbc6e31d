import ky from 'ky';
import { domainError, err, ok, type CompileWorker, type DispatchRequest, type DomainError, type Language, type Result } from '@sooscode/domain';
import { connectRetry, errorCode } from '../compile-shared/connect-retry';
import { silentLogger, type Logger } from '../system/logger';
import type { Judge0Poller } from './judge0-poller';

/** Per-submission limits sent to Judge0. */
export interface Judge0Limits {
  /** `cpu_time_limit`, seconds. */
  readonly cpuTimeS: number;
  /** `wall_time_limit`, seconds. */
  readonly wallTimeS: number;
  /** `memory_limit`, kilobytes. */
  readonly memoryKb: number;
}

/** Options of `Judge0CompileWorker`. */
export interface Judge0CompileWorkerOptions {
  /** `JUDGE0_URL`, e.g. `http://judge0:2358`. */
  readonly baseUrl: string;
  /** `JUDGE0_AUTH_TOKEN`, sent as `X-Auth-Token` when set. */
  readonly authToken?: string;
  /**
   * Builds the URL Judge0 PUTs the result to:
   * `{COMPILE_CALLBACK_BASE_URL}/api/compile/judge0/callback/{jobId}?token={hmac}`.
   */
  readonly callbackUrlFor: (jobId: string) => string;
  /** `JUDGE0_LANGUAGE_IDS`. Defaults: java 62, python 71, javascript 63. */
  readonly languageIds?: Partial<Record<Language, number>>;
  /** Defaults: 2 s CPU, 3 s wall, 256 000 KB; each clamped to `maxima`. */
  readonly limits?: Partial<Judge0Limits>;
  /** The Judge0 server's maxima. Defaults (Judge0's own): 15 s CPU, 20 s wall, 512 000 KB. */
  readonly maxima?: Partial<Judge0Limits>;
  /** Connect plus answer, retries included, ms. Default 1500. */
  readonly dispatchTimeoutMs?: number;
  /** Extra attempts after a connection failure (nothing was sent). Default 2. */
  readonly connectRetries?: number;
  /** Pause before such a retry, ms. Default 100. */
  readonly retryDelayMs?: number;
  /** How long the jobId ↔ token pair is kept, ms. Default 600 000 (`COMPILE_JOB_RETENTION_S`). */
  readonly tokenRetentionMs?: number;
  /** When given, every accepted submission is also polled (callbacks can get lost). */
  readonly poller?: Judge0Poller;
  readonly logger?: Logger;
}

const DEFAULT_IDS: Record<Language, number> = { java: 62, python: 71, javascript: 63 };

/**
 * Submits jobs to Judge0 CE ≥ 1.13.1 (compile.md §7):
 * `POST /submissions?base64_encoded=true&wait=false` with the Base64 source, network disabled,
 * stderr merged into stdout, small limits and a per-job callback URL (the `callbackUrl` of the
 * request is not used: Judge0 calls back with `PUT` on its own route). 201 `{token}` is success
 * and the token is kept for the job. 422 (limits above Judge0's maxima: misconfiguration) →
 * `COMPILE_006`; 503 (queue full), 401/403, any other status, a network error or the dispatch
 * timeout → `COMPILE_004`.
 */
export class Judge0CompileWorker implements CompileWorker {
  private readonly submitUrl: string;
  private readonly headers: Record<string, string>;
  private readonly ids: Record<Language, number>;
  private readonly limits: Judge0Limits;
  private readonly options: Judge0CompileWorkerOptions;
  private readonly logger: Logger;
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

  constructor(options: Judge0CompileWorkerOptions) {
    this.options = options;
    this.submitUrl = `${options.baseUrl.replace(/\/+$/, '')}/submissions`;
    this.headers = options.authToken === undefined ? {} : { 'x-auth-token': options.authToken };
    this.ids = { ...DEFAULT_IDS, ...options.languageIds };
    const max = { cpuTimeS: 15, wallTimeS: 20, memoryKb: 512_000, ...options.maxima };
    this.limits = {
      cpuTimeS: Math.min(options.limits?.cpuTimeS ?? 2, max.cpuTimeS),
      wallTimeS: Math.min(options.limits?.wallTimeS ?? 3, max.wallTimeS),
      memoryKb: Math.min(options.limits?.memoryKb ?? 256_000, max.memoryKb),
    };
    this.logger = (options.logger ?? silentLogger).child({ component: 'judge0' });
  }

  async dispatch(req: DispatchRequest): Promise<Result<void, DomainError>> {
    const body = {
      source_code: Buffer.from(req.code, 'utf8').toString('base64'),
      language_id: this.ids[req.language],
      stdin: '',
      redirect_stderr_to_stdout: true,
      enable_network: false,
      cpu_time_limit: this.limits.cpuTimeS,
      wall_time_limit: this.limits.wallTimeS,
      memory_limit: this.limits.memoryKb,
      callback_url: this.options.callbackUrlFor(req.jobId),
    };
    try {
      const res = await ky.post(this.submitUrl, {
        searchParams: { base64_encoded: 'true', wait: 'false' },
        json: body,
        headers: this.headers,
        timeout: false,
        signal: AbortSignal.timeout(this.options.dispatchTimeoutMs ?? 1500),
        throwHttpErrors: false,
        retry: connectRetry(this.options.connectRetries ?? 2, this.options.retryDelayMs ?? 100),
      });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        this.logger.warn({ jobId: req.jobId, status: res.status }, 'judge0 refused the submission');
        return err(domainError(res.status === 422 ? 'COMPILE_006' : 'COMPILE_004'));
      }
      const answer: unknown = await res.json();
      const token = (answer as { token?: unknown } | null)?.token;
      if (typeof token !== 'string' || token === '') {
        this.logger.warn({ jobId: req.jobId }, 'judge0 answered without a token');
        return err(domainError('COMPILE_004'));
      }
      this.remember(req.jobId, token);
      this.options.poller?.watch(req.jobId, token);
      return ok();
    } catch (e) {
      this.logger.warn({ jobId: req.jobId, reason: errorCode(e) ?? (e instanceof Error ? e.name : 'unknown') }, 'judge0 unreachable');
      return err(domainError('COMPILE_004'));
    }
  }

  /** The Judge0 token of `jobId`, while retained. */
  submissionToken(jobId: string): string | undefined {
    const entry = this.tokens.get(jobId);
    return entry && entry.expiresAt > Date.now() ? entry.token : undefined;
  }

  /** Forgets `jobId` and stops polling it (call once the job is complete). */
  forget(jobId: string): void {
    this.tokens.delete(jobId);
    this.options.poller?.stop(jobId);
  }

  private remember(jobId: string, token: string): void {
    const now = Date.now();
    for (const [id, entry] of this.tokens) {
      if (entry.expiresAt > now) break; // insertion order = expiry order
      this.tokens.delete(id);
    }
    this.tokens.set(jobId, { token, expiresAt: now + (this.options.tokenRetentionMs ?? 600_000) });
  }
}
