export * from './email-code-purpose';
export * from './email-send-limits';
export * from './email-code-issuer';
export * from './email-code-check';
