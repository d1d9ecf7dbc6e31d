export * from './local-code-runner';
export { javaEntryClass, type JavaEntryClass } from './java-entry-class';
export type { Isolation, SandboxLimits } from './sandbox';
