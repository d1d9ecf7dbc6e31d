export * from './chat-message';
export * from './ports/chat-repository';
export * from './chat-events';
export * from './use-cases/index';
export * from './chat-flood-limit';
