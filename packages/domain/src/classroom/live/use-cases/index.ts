export * from './live-class-gate';
export * from './join-leave-live';
export * from './change-live-mode';
