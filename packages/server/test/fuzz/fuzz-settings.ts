/**
 * How much the fuzzers run. CI runs a fixed seed and a bounded count (`FUZZ_RUNS` unset); `pnpm fuzz`
 * sets `FUZZ_RUNS` (default 50 000) for a long run. `FUZZ_SEED` replays a run.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 1414);

/** HTTP requests per storage configuration. */
export const HTTP_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** STOMP SEND frames per storage configuration: a tenth of the HTTP count. */
export const STOMP_RUNS = Math.max(100, Math.round(HTTP_RUNS / 10));

/** True for a long run (`pnpm fuzz`): timeouts are lifted. */
export const LONG_RUN = process.env.FUZZ_RUNS !== undefined;
