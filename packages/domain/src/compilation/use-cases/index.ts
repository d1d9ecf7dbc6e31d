export * from './run-code';
export * from './complete-compile-job';
export * from './authorize-compile-callback';
