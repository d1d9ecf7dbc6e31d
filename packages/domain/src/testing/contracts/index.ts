export * from './harness';
export * from './user-repository-contract';
export * from './refresh-token-store-contract';
export * from './expiring-stores-contract';
