export * from './shared/index';
export * from './identity/index';
export * from './media/index';
export * from './classroom/live/index';
export * from './collaboration/index';
export * from './compilation/index';
export * from './classroom/index';
export * from './collaboration/snapshots/index';
