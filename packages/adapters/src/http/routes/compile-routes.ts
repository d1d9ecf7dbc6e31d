import type { Router } from '@koa/router';
import type { Context, Next } from 'koa';
import type { AuthorizeCompileCallback, Clock, CompleteCompileJob, RunCode, RunOutcome } from '@sooscode/domain';
import { principalOf } from '../app-state';
import type { AuthGuards } from '../auth-middleware';
import { Base64SourceDecoder } from '../compile/base64-source-decoder';
import { parseCallbackResult } from '../compile/callback-result';
import { runCodeCommandOf } from '../compile/run-code-command';
import { unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { readJsonObject } from '../json-body';
import { queryString } from '../params';
import { sendEnvelope } from '../responses';

/** What the compile routes need. */
export interface CompileRouteDeps {
  readonly guards: Pick<AuthGuards, 'requireUser'>;
  readonly clock: Clock;
  readonly runCode: Pick<RunCode, 'execute'>;
  readonly authorizeCallback: Pick<AuthorizeCompileCallback, 'execute'>;
  readonly completeJob: Pick<CompleteCompileJob, 'execute'>;
  /**
   * Set only with `COMPILE_BACKEND=judge0`: serves `PUT /api/compile/judge0/callback/{jobId}`
   * (otherwise that path is 404 `GLOBAL_404`). `finalOutcome` reads a Judge0 submission body
   * (`undefined` while it is not final, output already capped); `forget` is told about every
   * final result.
   */
  readonly judge0?: { finalOutcome(submission: unknown): RunOutcome | undefined; forget?(jobId: string): void };
}

const ARRIVED_AT = 'compileArrivedAt';

/**
 * `POST /api/compile/run` (compile.md §2) and the result callbacks (§4, §7). The callbacks take
 * no user authentication and no cookie: their credential is the per-job token, from the `token`
 * query parameter or the `X-Compile-Callback-Token` header. The access log redacts `token=`;
 * nothing here logs a URL.
 */
export class CompileRoutes implements HttpModule {
  private readonly decoder = new Base64SourceDecoder();

  constructor(private readonly deps: CompileRouteDeps) {}

  register(router: Router): void {
    const d = this.deps;
    const markArrival = async (ctx: Context, next: Next): Promise<void> => {
      ctx.state[ARRIVED_AT] = d.clock.now();
      await next();
    };

    router.post('/api/compile/run', markArrival, d.guards.requireUser, async (ctx) => {
      const body = await readJsonObject(ctx);
      const command = runCodeCommandOf(body, this.decoder, principalOf(ctx.state).userId, ctx.state[ARRIVED_AT] as Date);
      const output = unwrap(await d.runCode.execute(command));
      sendEnvelope(ctx, 'COMPILE_000', output);
    });

    router.post('/api/compile/callback/:jobId', async (ctx) => {
      const jobId = await this.authorize(ctx);
      const reported = unwrap(parseCallbackResult(await readJsonObject(ctx), jobId));
      unwrap(await d.completeJob.execute(jobId, reported));
      sendEnvelope(ctx, 'COMPILE_000');
    });

    const judge0 = d.judge0;
    if (judge0) {
      router.put('/api/compile/judge0/callback/:jobId', async (ctx) => {
        const jobId = await this.authorize(ctx);
        const outcome = judge0.finalOutcome(await readJsonObject(ctx));
        if (outcome) {
          judge0.forget?.(jobId);
          unwrap(await d.completeJob.execute(jobId, outcome));
        }
        sendEnvelope(ctx, 'COMPILE_000');
      });
    }
  }

  /** Steps 1–3 of compile.md §4; returns the path job id. */
  private async authorize(ctx: Context): Promise<string> {
    const jobId = (ctx.params as Record<string, string | undefined>).jobId ?? '';
    const token = queryString(ctx, 'token') ?? (ctx.get('x-compile-callback-token') || undefined);
    unwrap(await this.deps.authorizeCallback.execute(jobId, token));
    return jobId;
  }
}
