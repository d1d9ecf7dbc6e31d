import { describe, it } from 'vitest';

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

/** How a contract suite runs. */
export interface ContractOptions {
  /**
   * Run the suite's tests concurrently. Each test has its own harness, so this is safe whenever the
   * factory's subjects are independent (e.g. one Redis key prefix each); it overlaps real waits.
   */
  readonly concurrent?: boolean;
}

/** Runs `body` against a fresh harness and always tears it down. */
export async function withHarness<T>(factory: HarnessFactory<T>, body: (h: ContractHarness<T>) => Promise<void>): Promise<void> {
  const h = await factory();
  try {
    await body(h);
  } finally {
    await h.teardown();
  }
}

/** The `describe` and per-test harness `test` a contract suite is written with. */
export function contractSuite<T>(title: string, factory: HarnessFactory<T>, options: ContractOptions, define: (test: (name: string, body: (h: ContractHarness<T>) => Promise<void>) => void) => void): void {
  (options.concurrent ? describe.concurrent : describe)(title, () => {
    define((name, body) => it(name, () => withHarness(factory, body)));
  });
}
