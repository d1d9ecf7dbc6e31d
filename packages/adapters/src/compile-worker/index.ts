/**
 * The standalone compile worker app only (compile.md §3, `worker-main.ts`): the Koa app of the
 * SoosCode worker protocol, its result memory, the body reader and the result callback it sends.
 * Nothing here runs in the API process; the API's clients of this app are in `compile-client/`.
 */
export * from './worker-app';
export type { WorkerJobState, WorkerJobStatus } from './worker-results';
