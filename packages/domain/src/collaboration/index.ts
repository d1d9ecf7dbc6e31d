export * from './ports/code-document-store';
