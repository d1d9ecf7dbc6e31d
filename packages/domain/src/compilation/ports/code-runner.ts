import type { Language } from '../language';

/** One program to run in-process (the local runner, compile.md §3). */
export interface RunJob {
  /** The API's job id (a UUID); used for logs and temp-dir names only. */
  readonly jobId: string;
  readonly language: Language;
  /** The decoded plain source text. */
  readonly code: string;
}

/**
 * The result of a run, with the worker protocol's meaning (compile.md §3):
 * `SUCCESS` the program exited with code 0; `FAIL` compile error, runtime error, time limit,
 * output limit or security rejection (`output` says which); `ERROR` a fault of the runner itself
 * (the client then gets 500 `COMPILE_006`).
 */
export interface RunOutcome {
  readonly status: 'SUCCESS' | 'FAIL' | 'ERROR';
  /** stdout and stderr interleaved, already capped by the runner (`COMPILE_MAX_OUTPUT_CHARS`). */
  readonly output: string;
}

/**
 * Runs user code on this machine and resolves once the program has finished or was killed.
 * It never rejects for anything the program does. It rejects with `CodeRunnerBusyError` when
 * its bounded queue is full and with `CodeRunnerUnavailableError` when it cannot run programs
 * safely on this machine (both mapped to 503 `COMPILE_004`); any other rejection is a bug.
 */
export interface CodeRunner {
  run(job: RunJob): Promise<RunOutcome>;
}

/** Thrown (as a rejection) by `CodeRunner.run` when the run queue is full. */
export class CodeRunnerBusyError extends Error {
  constructor(message = 'code runner queue is full') {
    super(message);
    this.name = 'CodeRunnerBusyError';
  }
}

/** Thrown (as a rejection) by `CodeRunner.run` when no sandbox is available to run the program in. */
export class CodeRunnerUnavailableError extends Error {
  constructor(message = 'code runner has no sandbox') {
    super(message);
    this.name = 'CodeRunnerUnavailableError';
  }
}
