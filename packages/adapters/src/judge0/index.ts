export * from './judge0-compile-worker';
export * from './judge0-poller';
export * from './judge0-result';
