export * from './ports/code-document-store';
export * from './chat/index';
