import { domainError, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import { capOutput, type ReportedResult } from '../compile-job';
import type { CompileAdmission } from '../ports/compile-admission';
import type { PendingCompileJobs } from '../ports/pending-compile-jobs';

/**
 * Stores the result of a job, however it arrived (worker callback, Judge0 callback, a poll, the
 * local runner): compile.md §4 steps 6–7 and §5. The output is capped (`maxOutputChars`) before it
 * is stored. The first result moves the job `PENDING` → `DONE`, wakes the waiting request on
 * whichever node holds it and frees the user's in-flight slot (`completed`); any later result,
 * or one for a job that timed out or was abandoned, changes nothing (`ignored`). A job unknown
 * within retention is 404 `COMPILE_012`.
 */
export class CompleteCompileJob {
  constructor(
    private readonly jobs: PendingCompileJobs,
    private readonly admission: CompileAdmission,
    private readonly policy: { readonly maxOutputChars: number },
  ) {}

  async execute(jobId: string, result: ReportedResult): Promise<Result<'completed' | 'ignored', DomainError>> {
    const stored = { status: result.status, output: capOutput(result.output, this.policy.maxOutputChars) };
    const completion = await this.jobs.complete(jobId, stored);
    if (completion.kind === 'unknown') return err(domainError('COMPILE_012'));
    if (completion.kind === 'ignored') return ok('ignored');
    await this.admission.release(completion.userId, jobId);
    return ok('completed');
  }
}
