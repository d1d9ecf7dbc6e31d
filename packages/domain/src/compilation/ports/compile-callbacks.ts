/**
 * The per-job callback credential of compile.md §4. Each job gets a token derived from a secret
 * shared by every API instance; only the backend that received the job's callback URL knows it.
 */
export interface CompileCallbacks {
  /**
   * The URL a worker posts the result of `jobId` to:
   * `{COMPILE_CALLBACK_BASE_URL}/api/compile/callback/{jobId}?token={token}`.
   * It carries a credential: never log it.
   */
  urlFor(jobId: string): string;
  /** True when `token` is the callback token of `jobId` (compared in constant time). */
  accepts(jobId: string, token: string): boolean;
}
