// IPC messages between bench/compile.ts and its child processes.

/** One closed-loop measurement: `concurrency` virtual users, each sending its requests one after another. */
export interface LoadSpec {
  readonly url: string;
  /** Default POST (with `body`); GET sends no body. */
  readonly method?: 'GET' | 'POST';
  /** One entry per virtual user: its headers and JSON body (the user's own token for the API). */
  readonly users: readonly { readonly headers: Record<string, string>; readonly body: string }[];
  readonly requestsPerUser: number;
}

export interface LoadResult {
  readonly count: number;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failures: number;
}

export type LoadCommand = { readonly type: 'run'; readonly spec: LoadSpec } | { readonly type: 'stop' };
export type LoadReply = { readonly type: 'ready'; readonly sinkUrl: string } | { readonly type: 'result'; readonly result: LoadResult };
export type WorkerReply = { readonly type: 'ready'; readonly url: string };

/** Percentile (0..100) of `values`, sorted in place. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? Number.NaN;
}
