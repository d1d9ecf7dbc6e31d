export * from './local-code-runner';
export * from './default-blacklists';
export { javaEntryClass, type JavaEntryClass } from './java-entry-class';
export { TRUNCATION_MARKER } from './output-collector';
export type { Isolation, SandboxLimits } from './sandbox';
