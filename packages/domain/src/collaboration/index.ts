export * from './ports/code-document-store';
export * from './code/index';
export * from './chat/index';
