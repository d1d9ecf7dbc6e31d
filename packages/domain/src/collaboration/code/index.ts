export * from './use-cases/publish-code';
export * from './use-cases/read-shared-code';
export * from './code-events';
