export * from './api-server';
export * from './config/load-config';
export * from './config/runtime-settings';
export * from './tokens';
