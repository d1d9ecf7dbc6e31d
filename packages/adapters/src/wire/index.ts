export * from './wire-code';
export * from './wire-messages';
export * from './envelope-statuses';
export * from './reason-phrases';
export * from './wire-error';
export * from './detail-suffix';
export * from './chat-shapes';
export * from './participant-shapes';
