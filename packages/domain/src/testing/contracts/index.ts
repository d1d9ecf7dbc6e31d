export * from './harness';
export * from './user-repository-contract';
export * from './refresh-token-store-contract';
export * from './expiring-stores-contract';
export * from './oauth-state-store-contract';
export * from './compile-admission-contract';
export * from './pending-compile-jobs-contract';
export * from './chat-repository-contract';
