import type { Result } from '../../shared/result';
import type { DomainError } from '../../shared/domain-error';
import type { Language } from '../language';

/** A job handed to a remote compile backend (the SoosCode worker protocol or Judge0). */
export interface DispatchRequest {
  /** A random UUID v4 in canonical lower-case form, made by the API. */
  readonly jobId: string;
  readonly language: Language;
  /** The decoded plain source text (not Base64). */
  readonly code: string;
  /**
   * Where the backend reports the result, built by the API (compile.md §4); sent exactly as
   * given. A backend with its own callback scheme (Judge0) may build its own URL instead.
   */
  readonly callbackUrl: string;
}

/**
 * Hands a job to a remote compile backend. Success means the backend accepted the job (a 2xx
 * within the dispatch timeout, default 1500 ms); the result arrives later by callback or poll.
 * Expected failures: `COMPILE_004` when the backend is unreachable, answers non-2xx, is full or
 * does not answer in time; `COMPILE_006` when it rejects the submission as misconfigured
 * (Judge0 422). Never retried on HTTP errors or timeouts.
 */
export interface CompileWorker {
  dispatch(req: DispatchRequest): Promise<Result<void, DomainError>>;
}
