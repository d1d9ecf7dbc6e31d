export * from './shared/index';
export * from './identity/index';
export * from './media/index';
