import { domainError, err, type CompileWorker, type DomainError, type Result } from '@sooscode/domain';

/**
 * The backend when none may run jobs (compile.md §3, §6): e.g. no `COMPILE_WORKER_URL` and the
 * API is bound to a non-loopback address without `COMPILE_BACKEND=local`. Every dispatch fails
 * with `COMPILE_004`, so every run answers 503.
 */
export class UnavailableCompileWorker implements CompileWorker {
  async dispatch(): Promise<Result<void, DomainError>> {
    return err(domainError('COMPILE_004'));
  }
}
