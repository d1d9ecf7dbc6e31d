export * from './post-chat-message';
export * from './delete-chat-message';
export * from './toggle-chat-reaction';
export * from './announce-typing';
export * from './read-chat';
export * from './purge-old-chat';
