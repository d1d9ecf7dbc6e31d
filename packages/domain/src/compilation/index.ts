export * from './language';
export * from './ports/code-runner';
export * from './ports/compile-worker';
