import { DetailReason, err, invalidField, ok, type CompileResult, type DomainError, type ReportedResult, type Result } from '@sooscode/domain';

const STATUSES: ReadonlySet<string> = new Set(['SUCCESS', 'FAIL', 'ERROR']);

/**
 * Reads the body of a worker callback (compile.md §4 step 5): `jobId`, when present and not
 * `null`, must equal `pathJobId`; `status` must be `SUCCESS`, `FAIL` or `ERROR`; `output` must be
 * a string or `null` (absent = `null`). Failures are `GLOBAL_410` with a `<field>: <reason>` detail.
 */
export function parseCallbackResult(body: Readonly<Record<string, unknown>>, pathJobId: string): Result<ReportedResult, DomainError> {
  const { jobId, status, output } = body;
  if (jobId !== undefined && jobId !== null) {
    if (typeof jobId !== 'string') return err(invalidField('jobId', DetailReason.format));
    if (jobId !== pathJobId) return err(invalidField('jobId', DetailReason.notAllowed));
  }
  if (status === undefined || status === null) return err(invalidField('status', DetailReason.missing));
  if (typeof status !== 'string') return err(invalidField('status', DetailReason.format));
  if (!STATUSES.has(status)) return err(invalidField('status', DetailReason.notAllowed));
  if (output !== undefined && output !== null && typeof output !== 'string') return err(invalidField('output', DetailReason.format));
  return ok({ status: status as CompileResult['status'], output: typeof output === 'string' ? output : null });
}
