/** Read-through caches in front of repositories and session checks, with versioned invalidation (local, or on every node through the cache bus). */
export * from './cached-user-repository';
export * from './read-cache';
export * from './cached-classroom-repositories';
export * from './keyed-read-cache';
export * from './cached-session-checks';
