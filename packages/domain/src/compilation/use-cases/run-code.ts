import type { Clock } from '../../shared/clock';
import { domainError, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import type { SecureRandom } from '../../shared/secure-random';
import { capOutput, type CompileResult } from '../compile-job';
import type { CompilePolicy } from '../compile-policy';
import type { Language } from '../language';
import type { CompileAdmission } from '../ports/compile-admission';
import type { CompileCallbacks } from '../ports/compile-callbacks';
import type { CompileWorker } from '../ports/compile-worker';
import type { CompileJobWatch, PendingCompileJobs } from '../ports/pending-compile-jobs';
import type { Timeouts } from '../ports/timeouts';
import { SourceRules, type SourceCode } from '../source-code';

/**
 * The submitted source as the edge decoded it (compile.md §2.1 step 4): the text, or why there is
 * none. `missing`: no `code`, not a string, or empty; `undecodable`: not strict Base64 of UTF-8.
 */
export type SubmittedSource =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'undecodable' };

/** One `POST /api/compile/run`, after authentication and body parsing. */
export interface RunCodeCommand {
  readonly userId: number;
  readonly source: SubmittedSource;
  /**
   * The requested language (absent, `null` and `""` already mean `java`, see `parseLanguage`);
   * `null` when the request named one this API does not know (never enabled: `COMPILE_013`).
   */
  readonly language: Language | null;
  /** When the request arrived; the deadline counts from here. */
  readonly arrivedAt: Date;
}

/** The answer of a finished run (`data` of 200 `COMPILE_000`). */
export interface RunCodeOutput {
  readonly status: 'SUCCESS' | 'FAIL';
  /** Never null; capped at `maxOutputChars` plus the truncation marker. */
  readonly output: string;
}

/** What `RunCode` needs. */
export interface RunCodeDeps {
  readonly policy: CompilePolicy;
  readonly admission: CompileAdmission;
  readonly jobs: PendingCompileJobs;
  readonly worker: CompileWorker;
  readonly callbacks: CompileCallbacks;
  readonly timeouts: Timeouts;
  readonly clock: Clock;
  readonly random: SecureRandom;
}

const EXPIRED = Symbol('expired');
/** The slot outlives the deadline by this much when its holder dies before releasing it. */
const SLOT_GRACE_MS = 1000;

/**
 * `POST /api/compile/run` (compile.md §2.1 steps 3–13), failing at the first failing step:
 * `VALID_002`, `VALID_005`, the source rules, 429 `COMPILE_010` (cooldown, with `retryAfterS`),
 * 409 `COMPILE_009` (a job in flight), 503 `COMPILE_004` (too many pending jobs on this node,
 * or the dispatch failed or took longer than `dispatchTimeoutMs` or the deadline), 504
 * `COMPILE_005` (no result by `arrivedAt + deadlineMs`), 500 `COMPILE_006` (the backend reported
 * `ERROR`). The cooldown and the in-flight slot are taken just before dispatch and given back if
 * the dispatch fails; the slot is released when the job finishes or times out.
 */
export class RunCode {
  private readonly rules: SourceRules;

  constructor(private readonly deps: RunCodeDeps) {
    this.rules = new SourceRules(deps.policy);
  }

  async execute(input: RunCodeCommand): Promise<Result<RunCodeOutput, DomainError>> {
    if (input.source.kind === 'missing') return err(domainError('VALID_002'));
    if (input.source.kind === 'undecodable') return err(domainError('VALID_005'));
    const source = this.rules.check(input.source.text, input.language);
    if (!source.ok) return source;

    const { policy, admission } = this.deps;
    const deadline = input.arrivedAt.getTime() + policy.deadlineMs;
    const jobId = this.deps.random.uuid();
    const refusal = await admission.admit(input.userId, jobId, policy.cooldownS * 1000, Math.max(0, deadline - this.now()) + SLOT_GRACE_MS);
    if (refusal?.reason === 'cooldown') return err(domainError('COMPILE_010', undefined, Math.max(1, Math.ceil(refusal.retryAfterMs / 1000))));
    if (refusal?.reason === 'in-flight') return err(domainError('COMPILE_009'));
    // Returned, not awaited: this frame (and the source it holds) is not kept for the whole wait.
    return this.dispatch(input.userId, jobId, source.value, deadline);
  }

  /** Step 12: registers the job, dispatches it, and hands over to the wait (step 13). */
  private async dispatch(userId: number, jobId: string, source: SourceCode, deadline: number): Promise<Result<RunCodeOutput, DomainError>> {
    const { policy, jobs, worker, callbacks, admission } = this.deps;
    let watch: CompileJobWatch | null;
    let accepted: Result<void, DomainError> | typeof EXPIRED;
    try {
      watch = await jobs.open({ jobId, userId, language: source.language, createdAt: this.deps.clock.now() }, { retentionS: policy.jobRetentionS, maxWaiting: policy.maxPending });
      if (!watch) {
        await this.giveBack(userId, jobId);
        return err(domainError('COMPILE_004'));
      }
      const request = { jobId, language: source.language, code: source.text, callbackUrl: callbacks.urlFor(jobId) };
      accepted = await this.within(worker.dispatch(request), Math.min(policy.dispatchTimeoutMs, deadline - this.now())).catch(async (e: unknown) => {
        await watch?.end('ABANDONED');
        throw e;
      });
    } catch (e) {
      await this.giveBack(userId, jobId);
      throw e;
    }
    if (accepted === EXPIRED || !accepted.ok) {
      const raced = await watch.end('ABANDONED');
      if (raced) {
        await admission.release(userId, jobId);
        return this.present(raced);
      }
      await this.giveBack(userId, jobId);
      return err(accepted === EXPIRED ? domainError('COMPILE_004') : accepted.error);
    }
    return this.wait(userId, jobId, watch, deadline);
  }

  /**
   * Step 13: the result, or at the deadline the job becomes `TIMED_OUT` (unless a result won the
   * race). The slot is freed either way. Written with callbacks, not `await`, so a waiting request
   * holds only a timer, the watch and two closures.
   */
  private wait(userId: number, jobId: string, watch: CompileJobWatch, deadline: number): Promise<Result<RunCodeOutput, DomainError>> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (outcome: Promise<Result<RunCodeOutput, DomainError>>): void => {
        if (settled) return;
        settled = true;
        outcome.then(
          (result) => this.deps.admission.release(userId, jobId).then(() => resolve(result), reject),
          (e: unknown) => this.deps.admission.release(userId, jobId).then(() => reject(e), reject),
        );
      };
      const cancel = this.deps.timeouts.after(deadline - this.now(), () =>
        finish(watch.end('TIMED_OUT').then((raced) => (raced ? this.present(raced) : err(domainError('COMPILE_005'))))),
      );
      void watch.result.then((result) => {
        cancel();
        watch.close();
        finish(Promise.resolve(this.present(result)));
      });
    });
  }

  /** A job that was never dispatched costs the user nothing: slot and cooldown are given back. */
  private async giveBack(userId: number, jobId: string): Promise<void> {
    await this.deps.admission.release(userId, jobId);
    await this.deps.admission.cancelCooldown(userId, jobId);
  }

  private present(result: CompileResult): Result<RunCodeOutput, DomainError> {
    if (result.status === 'ERROR') return err(domainError('COMPILE_006'));
    return ok({ status: result.status, output: capOutput(result.output, this.deps.policy.maxOutputChars) });
  }

  /** `promise`, or `EXPIRED` when it has not settled within `ms`. */
  private within<T>(promise: Promise<T>, ms: number): Promise<T | typeof EXPIRED> {
    return new Promise((resolve, reject) => {
      const cancel = this.deps.timeouts.after(ms, () => resolve(EXPIRED));
      promise.then(
        (value) => {
          cancel();
          resolve(value);
        },
        (e: unknown) => {
          cancel();
          reject(e);
        },
      );
    });
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}
