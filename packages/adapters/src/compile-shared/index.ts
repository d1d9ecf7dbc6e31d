/**
 * Compile plumbing shared by both sides and by several backends: the API-side clients
 * (`compile-client/`, `judge0/`) and the standalone worker (`compile-worker/`, `local-runner/`).
 * Connection-failure detection and retry, the non-overlapping poll loop and its one-request helper, output collection with
 * the compile.md §2.4 cap, and the default blacklists with their matcher (§2.2). Nothing here
 * imports a technology folder; every compile folder may import from here.
 */
export * from './blacklist';
export * from './connect-retry';
export * from './default-blacklists';
export * from './output-collector';
export * from './poll-json';
export * from './poll-loop';
