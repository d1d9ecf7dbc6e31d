import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  CodeRunnerBusyError, CodeRunnerUnavailableError, domainError, err, ok,
  type CodeRunner, type CompleteCompileJob, type CompileWorker, type DispatchRequest, type DomainError, type Result, type RunOutcome,
} from '@sooscode/domain';
import { silentLogger, type Logger } from '../system/logger';

type Settled = { outcome: RunOutcome } | { error: unknown };

/**
 * The local backend (compile.md §3, `COMPILE_BACKEND=local`): instead of sending the job to a
 * worker, it runs it on this machine's `CodeRunner` in the background and stores the result
 * through `CompleteCompileJob`, the same path as a worker callback (no HTTP, no token). A full
 * run queue (`CodeRunnerBusyError`) or a runner without a sandbox (`CodeRunnerUnavailableError`)
 * is a dispatch failure, `COMPILE_004`; any other rejection of
 * the runner is a bug, logged and reported as an `ERROR` result (500 `COMPILE_006`).
 */
export class LocalCompileWorker implements CompileWorker {
  private readonly running = new Set<Promise<void>>();
  private readonly logger: Logger;

  constructor(
    private readonly runner: CodeRunner,
    private readonly completion: Pick<CompleteCompileJob, 'execute'>,
    logger: Logger = silentLogger,
  ) {
    this.logger = logger.child({ component: 'local-compile-worker' });
  }

  async dispatch(req: DispatchRequest): Promise<Result<void, DomainError>> {
    const settled: Promise<Settled> = this.runner
      .run({ jobId: req.jobId, language: req.language, code: req.code })
      .then((outcome) => ({ outcome }), (error: unknown) => ({ error }));
    // The runner refuses a job at once when its queue is full; one turn of the event loop shows it.
    const early = await Promise.race([settled, nextTurn().then(() => undefined)]);
    if (early && 'error' in early && (early.error instanceof CodeRunnerBusyError || early.error instanceof CodeRunnerUnavailableError)) {
      return err(domainError('COMPILE_004'));
    }
    const done = settled
      .then((s) => this.finish(req.jobId, s))
      .catch((e: unknown) => this.logger.error({ jobId: req.jobId, err: e }, 'storing a local result failed'))
      .finally(() => this.running.delete(done));
    this.running.add(done);
    return ok();
  }

  /** Resolves once every job started so far has run and its result was stored (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async finish(jobId: string, settled: Settled): Promise<void> {
    if ('outcome' in settled) {
      await this.completion.execute(jobId, settled.outcome);
      return;
    }
    this.logger.error({ jobId, err: settled.error }, 'local runner failed');
    await this.completion.execute(jobId, { status: 'ERROR', output: '' });
  }
}
