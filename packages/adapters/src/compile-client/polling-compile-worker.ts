import type { CompleteCompileJob, CompileWorker, DispatchRequest, DomainError, Result } from '@sooscode/domain';
import type { KyCompileResultPoller } from './ky-compile-result-poller';
import { silentLogger, type Logger } from '../system/logger';

/**
 * The optional polling fallback of compile.md §3 (`COMPILE_POLL_FALLBACK=true`): wraps the worker
 * client and, for every accepted job, polls the worker's result endpoint (from 2000 ms after
 * dispatch, every 500 ms, until `deadlineMs` after dispatch). A polled result is stored through
 * `CompleteCompileJob`, so whichever of callback and poll comes first wins.
 */
export class PollingCompileWorker implements CompileWorker {
  private readonly logger: Logger;

  constructor(
    private readonly inner: CompileWorker,
    private readonly poller: Pick<KyCompileResultPoller, 'watch'>,
    private readonly completion: Pick<CompleteCompileJob, 'execute'>,
    private readonly deadlineMs: number,
    logger: Logger = silentLogger,
  ) {
    this.logger = logger.child({ component: 'compile-poll-fallback' });
  }

  async dispatch(req: DispatchRequest): Promise<Result<void, DomainError>> {
    const accepted = await this.inner.dispatch(req);
    if (accepted.ok) {
      this.poller.watch(req.jobId, Date.now() + this.deadlineMs, (outcome) => {
        this.completion.execute(req.jobId, outcome).catch((e: unknown) => this.logger.error({ jobId: req.jobId, err: e }, 'storing a polled result failed'));
      });
    }
    return accepted;
  }
}
