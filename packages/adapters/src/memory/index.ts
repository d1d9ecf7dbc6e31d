/** In-process adapters of the domain ports: the embedded (single-process) profile and the fakes of the domain tests. Each is proven by its port's contract suite. */
export * from './expiring-map';
export * from './in-memory-user-repository';
export * from './in-memory-refresh-token-store';
export * from './in-memory-access-token-denylist';
export * from './in-memory-attempt-counter';
export * from './in-memory-email-verification-store';
export * from './in-memory-presence-registry';
export * from './in-memory-live-state';
export * from './in-memory-oauth-state-store';
export * from './in-memory-compile-admission';
export * from './in-memory-pending-compile-jobs';
export * from './in-memory-chat-repository';
export * from './in-memory-classroom-repository';
export * from './in-memory-enrolment-repository';
export * from './in-memory-user-directory';
export * from './in-memory-snapshot-repository';
export * from './in-memory-webhook-event-dedupe';
