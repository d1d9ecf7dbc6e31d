export * from './expiring-map';
export * from './in-memory-user-repository';
export * from './in-memory-refresh-token-store';
export * from './in-memory-access-token-denylist';
export * from './in-memory-attempt-counter';
export * from './in-memory-email-verification-store';
export * from './in-memory-presence-registry';
export * from './in-memory-live-state';
