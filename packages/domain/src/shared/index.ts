export * from './result';
export * from './domain-error';
export * from './error-code';
export * from './clock';
export * from './secure-random';
export * from './wall-clock';
export * from './bounded-map';
