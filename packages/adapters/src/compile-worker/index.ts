export * from './worker-app';
export * from './ky-compile-worker';
export * from './ky-compile-result-poller';
export * from './blacklist';
export type { StopPolling } from './poll-loop';
export type { WorkerJobState, WorkerJobStatus } from './worker-results';
