/**
 * What a port contract suite needs from the implementation under test.
 * `advance` moves time forward: a `FixedClock` for in-memory adapters, a real wait for Redis.
 */
export interface ContractHarness<T> {
  readonly subject: T;
  /** The instant the subject considers "now". */
  now(): Date;
  advance(ms: number): Promise<void>;
  teardown(): Promise<void>;
}

/** Creates a fresh, empty subject for each test. */
export type HarnessFactory<T> = () => Promise<ContractHarness<T>>;
