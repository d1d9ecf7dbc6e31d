import { domainError, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import { isCanonicalUuid, type CompileJob } from '../compile-job';
import type { CompileCallbacks } from '../ports/compile-callbacks';
import type { PendingCompileJobs } from '../ports/pending-compile-jobs';

/**
 * The credential checks of a result callback (compile.md §4 steps 1–3, for the worker and the
 * Judge0 routes alike), before its body is read: the path `jobId` is a canonical UUID (else 404
 * `COMPILE_012`); the token is present and right (else 401 `COMPILE_011`: a forged callback);
 * the job was issued and is within retention (else 404 `COMPILE_012`). Returns the job record.
 */
export class AuthorizeCompileCallback {
  constructor(
    private readonly callbacks: CompileCallbacks,
    private readonly jobs: PendingCompileJobs,
  ) {}

  async execute(jobId: string, token: string | undefined): Promise<Result<CompileJob, DomainError>> {
    if (!isCanonicalUuid(jobId)) return err(domainError('COMPILE_012'));
    if (token === undefined || token === '' || !this.callbacks.accepts(jobId, token)) return err(domainError('COMPILE_011'));
    const job = await this.jobs.find(jobId);
    return job ? ok(job) : err(domainError('COMPILE_012'));
  }
}
