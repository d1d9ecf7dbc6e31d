import { createHash, timingSafeEqual } from 'node:crypto';
import Koa from 'koa';
import Router from '@koa/router';
import { CodeRunnerBusyError, CodeRunnerUnavailableError, LANGUAGES, parseLanguage, type CodeRunner, type Language, type RunOutcome } from '@sooscode/domain';
import { DEFAULT_BLACKLISTS } from '../compile-shared/default-blacklists';
import { silentLogger, type Logger } from '../system/logger';
import { compileBlacklist, findBlacklistHit, type Blacklist } from '../compile-shared/blacklist';
import { readJsonBody } from './read-json-body';
import { sendCallback, type CallbackPolicy } from './send-callback';
import { WorkerResults } from './worker-results';

/** Options of the standalone compile worker; all but `runner` have defaults. */
export interface WorkerAppOptions {
  /** Runs the programs (normally a `LocalCodeRunner`). */
  readonly runner: CodeRunner;
  /** When true, every run is answered 503 `{error: "unavailable"}` (the runner has no sandbox). */
  readonly unavailable?: boolean;
  /** When set, both endpoints require `Authorization: Bearer <token>` (else 401). */
  readonly token?: string;
  /** Languages accepted; default all three. Others get 400. */
  readonly languages?: readonly Language[];
  /** Blacklist pattern sources per language; default `DEFAULT_BLACKLISTS`. A hit is a `FAIL` result. */
  readonly blacklists?: Partial<Record<Language, readonly string[]>>;
  /** Jobs accepted but not yet finished; one more is answered 503. Default 18. */
  readonly maxActiveJobs?: number;
  /** Longest accepted `code`, UTF-16 code units. Default 100 000. */
  readonly maxCodeChars?: number;
  /** How long a result stays readable at `GET /api/compile/result/{jobId}`, ms. Default 600 000. */
  readonly resultRetentionMs?: number;
  /** Results kept at most (oldest dropped first). Default 10 000. */
  readonly maxResults?: number;
  readonly callback?: Partial<CallbackPolicy>;
  readonly logger?: Logger;
}

/** The worker: a Koa app plus a way to wait for background jobs (for shutdown and tests). */
export interface WorkerApp {
  readonly app: Koa;
  /** Resolves once every accepted job has run and its callback attempt has ended. */
  idle(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The SoosCode worker protocol (compile.md §3), compatible with the reference worker:
 * `POST /api/compile/run {jobId, code, callbackUrl, language}` answers 200 `{jobId}` at once
 * (400 on bad input, 401 on a bad token, 503 when full or without a sandbox; a repeated jobId is answered 200 and
 * not run again), then runs the job, applies the blacklist (`FAIL` with `Security Error: …`)
 * and POSTs `{jobId, status, output}` to `callbackUrl`. `GET /api/compile/result/{jobId}`
 * answers `{status, output}` with `PENDING|RUNNING|SUCCESS|FAIL|ERROR|NOT_FOUND`.
 */
export function createWorkerApp(options: WorkerAppOptions): WorkerApp {
  const logger = (options.logger ?? silentLogger).child({ component: 'compile-worker' });
  const languages = new Set(options.languages ?? LANGUAGES);
  const blacklists = new Map<Language, Blacklist>(
    LANGUAGES.map((l) => [l, compileBlacklist(options.blacklists?.[l] ?? DEFAULT_BLACKLISTS[l])]),
  );
  const maxActive = options.maxActiveJobs ?? 18;
  const maxCodeChars = options.maxCodeChars ?? 100_000;
  const results = new WorkerResults(options.resultRetentionMs ?? 600_000, options.maxResults ?? 10_000);
  const policy: CallbackPolicy = {
    attempts: options.callback?.attempts ?? 4,
    timeoutMs: options.callback?.timeoutMs ?? 5000,
    retryDelayMs: options.callback?.retryDelayMs ?? 250,
  };
  const expected = options.token === undefined ? undefined : digest(`Bearer ${options.token}`);
  const active = new Set<Promise<void>>();

  const execute = async (jobId: string, language: Language, code: string, callbackUrl: string): Promise<void> => {
    const hit = findBlacklistHit(code, blacklists.get(language) ?? []);
    let outcome: RunOutcome;
    if (hit !== undefined) {
      outcome = { status: 'FAIL', output: `Security Error: 허용되지 않은 코드가 포함되어 있습니다: ${hit}` };
    } else {
      results.set(jobId, { status: 'RUNNING', output: null });
      outcome = await options.runner.run({ jobId, language, code }).catch((e: unknown) => {
        if (!(e instanceof CodeRunnerBusyError || e instanceof CodeRunnerUnavailableError)) logger.error({ jobId, err: e }, 'runner failed');
        return { status: 'ERROR', output: '' } as const;
      });
    }
    results.set(jobId, { status: outcome.status, output: outcome.output });
    await sendCallback(callbackUrl, jobId, outcome, policy, logger);
  };

  const router = new Router();
  router.post('/api/compile/run', async (ctx) => {
    const read = await readJsonBody(ctx.req, MAX_BODY_BYTES);
    if ('error' in read) {
      const status = read.error === 'unsupported-type' ? 415 : read.error === 'too-large' ? 413 : 400;
      return reply(ctx, status, { error: read.error });
    }
    const { jobId, code, callbackUrl, language: rawLanguage } = read.body;
    if (typeof jobId !== 'string' || !JOB_ID.test(jobId)) return reply(ctx, 400, { error: 'jobId: invalid' });
    if (typeof code !== 'string' || code.trim() === '' || code.length > maxCodeChars) return reply(ctx, 400, { error: 'code: invalid' });
    if (typeof callbackUrl !== 'string' || !isHttpUrl(callbackUrl)) return reply(ctx, 400, { error: 'callbackUrl: invalid' });
    if (rawLanguage !== undefined && rawLanguage !== null && typeof rawLanguage !== 'string') return reply(ctx, 400, { error: 'language: invalid' });
    const language = parseLanguage(rawLanguage);
    if (language === undefined || !languages.has(language)) return reply(ctx, 400, { error: 'language: not supported' });
    if (results.get(jobId) !== undefined) return reply(ctx, 200, { jobId });
    if (options.unavailable === true) return reply(ctx, 503, { error: 'unavailable' });
    if (active.size >= maxActive) return reply(ctx, 503, { error: 'busy' });

    results.set(jobId, { status: 'PENDING', output: null });
    const job = execute(jobId, language, code, callbackUrl)
      .catch((e: unknown) => logger.error({ jobId, err: e }, 'job failed'))
      .finally(() => active.delete(job));
    active.add(job);
    reply(ctx, 200, { jobId });
  });
  router.get('/api/compile/result/:jobId', (ctx) => {
    const state = results.get(ctx.params.jobId ?? '');
    reply(ctx, 200, state ?? { status: 'NOT_FOUND', output: null });
  });

  const app = new Koa();
  app.silent = true;
  app.on('error', (e: unknown) => logger.error({ err: e }, 'worker request failed'));
  app.use(async (ctx, next) => {
    if (expected !== undefined && !timingSafeEqual(digest(ctx.get('authorization')), expected)) {
      return reply(ctx, 401, { error: 'unauthorized' });
    }
    await next();
    if (ctx.body === undefined && ctx.status === 404) reply(ctx, 404, { error: 'not found' });
  });
  app.use(router.routes());
  app.use(router.allowedMethods());

  return {
    app,
    async idle(): Promise<void> {
      while (active.size > 0) await Promise.allSettled([...active]);
    },
  };
}

function reply(ctx: Koa.Context, status: number, body: object): void {
  ctx.status = status;
  ctx.body = body;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
