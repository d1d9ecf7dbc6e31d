export * from './worker-app';
export * from './ky-compile-worker';
export * from './ky-compile-result-poller';
export type { WorkerJobState, WorkerJobStatus } from './worker-results';
