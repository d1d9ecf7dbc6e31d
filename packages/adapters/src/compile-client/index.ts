/**
 * The API side of running code (compile.md §3, §4): hands a job to whatever runs it and brings its
 * result back. `NodeHttpCompileWorker` sends jobs to a SoosCode worker (with the optional
 * `PollingCompileWorker` + `KyCompileResultPoller` fallback), `LocalCompileWorker` runs them on this
 * machine's `CodeRunner`, `UnavailableCompileWorker` refuses them; `HmacCompileCallbacks` makes and
 * checks the per-job callback tokens and `NodeTimeouts` times the waits. The Judge0 backend, also
 * API side, lives in `judge0/`; the standalone worker app is `compile-worker/`; plumbing both
 * sides use is `compile-shared/`.
 */
export * from './hmac-compile-callbacks';
export * from './ky-compile-result-poller';
export * from './local-compile-worker';
export * from './node-http-compile-worker';
export * from './node-timeouts';
export * from './polling-compile-worker';
export * from './unavailable-compile-worker';
