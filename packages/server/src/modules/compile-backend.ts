import { LANGUAGES, type CompileWorker, type CompleteCompileJob, type Language } from '@sooscode/domain';
import type { HmacCompileCallbacks } from '@sooscode/adapters/compile-client/hmac-compile-callbacks';
import { LocalCompileWorker } from '@sooscode/adapters/compile-client/local-compile-worker';
import { NodeHttpCompileWorker } from '@sooscode/adapters/compile-client/node-http-compile-worker';
import { PollingCompileWorker } from '@sooscode/adapters/compile-client/polling-compile-worker';
import { UnavailableCompileWorker } from '@sooscode/adapters/compile-client/unavailable-compile-worker';
import { KyCompileResultPoller } from '@sooscode/adapters/compile-client/ky-compile-result-poller';
import { Judge0CompileWorker } from '@sooscode/adapters/judge0/judge0-compile-worker';
import { Judge0Poller } from '@sooscode/adapters/judge0/judge0-poller';
import { LocalCodeRunner } from '@sooscode/adapters/local-runner/local-code-runner';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { Config } from '../config/load-config';

/** Which backend runs the jobs (compile.md §3, §6); `none` answers every run 503 `COMPILE_004`. */
export type CompileBackendKind = 'worker' | 'local' | 'judge0' | 'none';

/** The chosen backend and its dispatcher. */
export interface CompileBackend {
  readonly kind: CompileBackendKind;
  readonly worker: CompileWorker;
  /** Set in judge0 mode: its callback route needs it. */
  readonly judge0?: Judge0CompileWorker;
  /** Set in local mode: resolves once every local job has finished (shutdown, tests). */
  readonly local?: LocalCompileWorker;
}

/**
 * The backend the configuration asks for: `COMPILE_BACKEND` when set, else `worker` when
 * `COMPILE_WORKER_URL` is set, else `local`. The local runner runs by default only when the API
 * binds to loopback; elsewhere only with `COMPILE_BACKEND=local`. A backend missing its URL is `none`.
 */
export function selectCompileBackend(config: Config, loopback: boolean): { kind: CompileBackendKind; reason?: string } {
  const requested = config.compileBackend ?? (config.compileWorkerUrl ? 'worker' : 'local');
  if (requested === 'worker') return config.compileWorkerUrl ? { kind: 'worker' } : { kind: 'none', reason: 'COMPILE_BACKEND=worker needs COMPILE_WORKER_URL' };
  if (requested === 'judge0') return config.judge0Url ? { kind: 'judge0' } : { kind: 'none', reason: 'COMPILE_BACKEND=judge0 needs JUDGE0_URL' };
  if (config.compileBackend === 'local' || loopback) return { kind: 'local' };
  return { kind: 'none', reason: 'COMPILE_WORKER_URL is not set and HOST is not loopback; set COMPILE_WORKER_URL, or COMPILE_BACKEND=local to run code on this machine' };
}

/** Parses `JUDGE0_LANGUAGE_IDS` (`java:62,python:71`), keeping the known languages. */
export function parseJudge0LanguageIds(raw: string): Partial<Record<Language, number>> {
  const ids: Partial<Record<Language, number>> = {};
  for (const pair of raw.split(',')) {
    const [name, id] = pair.split(':');
    if ((LANGUAGES as readonly string[]).includes(name ?? '')) ids[name as Language] = Number(id);
  }
  return ids;
}

/**
 * The local runner with the configured limits and sandbox. Logs one line at start-up saying the
 * isolation in use: `info` with a sandbox, `warn` when the operator opted out
 * (`COMPILE_LOCAL_ISOLATION=none`), `error` with what to install when no sandbox could be built
 * (every run is then refused with 503 `COMPILE_004`).
 */
export function createLocalRunner(config: Config, logger: Logger): LocalCodeRunner {
  const runner = new LocalCodeRunner({
    compileTimeoutMs: config.compileLocalCompileTimeoutMs,
    runTimeoutMs: config.compileLocalRunTimeoutMs,
    maxOutputChars: config.compileMaxOutputChars,
    concurrency: config.compileLocalConcurrency,
    maxQueued: config.compileLocalQueue,
    isolation: config.compileLocalIsolation,
    logger,
  });
  const { kind, detail } = runner.isolation();
  if (kind === 'unavailable') logger.error({ isolation: kind }, `local compile runner refuses every job: ${detail}`);
  else if (kind === 'none') logger.warn({ isolation: kind }, `local compile runner: ${detail}`);
  else logger.info({ isolation: kind }, `local compile runner sandbox: ${detail}`);
  return runner;
}

/** Builds the dispatcher of the selected backend. */
export function createCompileBackend(deps: {
  config: Config;
  loopback: boolean;
  callbacks: HmacCompileCallbacks;
  complete: CompleteCompileJob;
  logger: Logger;
}): CompileBackend {
  const { config, callbacks, complete, logger } = deps;
  const selected = selectCompileBackend(config, deps.loopback);
  const store = (jobId: string, outcome: { status: 'SUCCESS' | 'FAIL' | 'ERROR'; output: string }) => {
    complete.execute(jobId, outcome).catch((e: unknown) => logger.error({ jobId, err: e }, 'storing a compile result failed'));
  };
  switch (selected.kind) {
    case 'worker': {
      const baseUrl = config.compileWorkerUrl!;
      const client = new NodeHttpCompileWorker({ baseUrl, token: config.compileWorkerToken, dispatchTimeoutMs: config.compileDispatchTimeoutMs, logger });
      logger.info({ backend: 'worker', pollFallback: config.compilePollFallback }, 'compile backend');
      if (!config.compilePollFallback) return { kind: 'worker', worker: client };
      const poller = new KyCompileResultPoller({ baseUrl, token: config.compileWorkerToken, logger });
      return { kind: 'worker', worker: new PollingCompileWorker(client, poller, complete, config.compileDeadlineMs, logger) };
    }
    case 'judge0': {
      const baseUrl = config.judge0Url!;
      const poller = new Judge0Poller({
        baseUrl,
        authToken: config.judge0AuthToken,
        pollAfterMs: config.judge0PollAfterMs,
        pollIntervalMs: config.judge0PollIntervalMs,
        deadlineMs: config.compileDeadlineMs,
        maxOutputChars: config.compileMaxOutputChars,
        onResult: store,
        logger,
      });
      const judge0 = new Judge0CompileWorker({
        baseUrl,
        authToken: config.judge0AuthToken,
        callbackUrlFor: (jobId) => callbacks.judge0UrlFor(jobId),
        languageIds: parseJudge0LanguageIds(config.judge0LanguageIds),
        dispatchTimeoutMs: config.compileDispatchTimeoutMs,
        tokenRetentionMs: config.compileJobRetentionS * 1000,
        poller,
        logger,
      });
      logger.info({ backend: 'judge0' }, 'compile backend');
      return { kind: 'judge0', worker: judge0, judge0 };
    }
    case 'local': {
      const local = new LocalCompileWorker(createLocalRunner(config, logger), complete, logger);
      logger.info({ backend: 'local' }, 'compile backend');
      return { kind: 'local', worker: local, local };
    }
    case 'none':
      logger.warn({ reason: selected.reason }, 'no compile backend: every POST /api/compile/run answers 503 COMPILE_004');
      return { kind: 'none', worker: new UnavailableCompileWorker() };
  }
}
