import { randomBytes } from 'node:crypto';
import { ContainerModule, type ResolutionContext } from 'inversify';
import { AuthorizeCompileCallback, CompleteCompileJob, RunCode, type CompilePolicy, type Language, type PendingCompileJobs, type SecureRandom } from '@sooscode/domain';
import { HmacCompileCallbacks } from '@sooscode/adapters/compile-client/hmac-compile-callbacks';
import { NodeTimeouts } from '@sooscode/adapters/compile-client/node-timeouts';
import type { AuthGuards } from '@sooscode/adapters/http/auth-middleware';
import { CompileRoutes } from '@sooscode/adapters/http/routes/compile-routes';
import { finalJudge0Outcome } from '@sooscode/adapters/judge0/judge0-result';
import { DEFAULT_BLACKLISTS } from '@sooscode/adapters/compile-shared/default-blacklists';
import type { PromMetrics } from '@sooscode/adapters/metrics/prom-metrics';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { Config } from '../config/load-config';
import type { Lifecycle } from '../lifecycle';
import { observeExecute } from '../observe-execute';
import { TOKENS } from '../tokens';
import { clockOf, get, settingsOf } from './resolve';
import { createCompileBackend, type CompileBackend } from './compile-backend';


/** A newline-separated pattern list from the configuration, or the default list. */
function patterns(raw: string | undefined, fallback: readonly string[]): readonly string[] {
  return raw === undefined ? fallback : raw.split(/\r?\n/).filter((p) => p !== '');
}

/** The compile rules of compile.md §2 and §6 from the configuration. */
export function compilePolicyOf(config: Config): CompilePolicy {
  return {
    languages: config.compileLanguages as Language[],
    maxChars: config.compileMaxChars,
    maxLines: config.compileMaxLines,
    blacklists: {
      java: patterns(config.compileBlacklistJava, DEFAULT_BLACKLISTS.java),
      python: patterns(config.compileBlacklistPython, DEFAULT_BLACKLISTS.python),
      javascript: patterns(config.compileBlacklistJavascript, DEFAULT_BLACKLISTS.javascript),
    },
    cooldownS: config.compileCooldownS,
    deadlineMs: config.compileDeadlineMs,
    dispatchTimeoutMs: Math.min(config.compileDispatchTimeoutMs, config.compileDeadlineMs),
    maxOutputChars: config.compileMaxOutputChars,
    jobRetentionS: config.compileJobRetentionS,
    maxPending: config.compileMaxPending,
  };
}

/**
 * Running code: `POST /api/compile/run`, the result callbacks, and the backend chosen from the
 * configuration (worker, local runner, Judge0, or none). Job state, cooldowns and in-flight slots
 * live in Redis when REDIS_URL is set (so any node can take the callback), else in memory.
 */
export const compileModule = new ContainerModule((o) => {
  const config = (c: ResolutionContext) => settingsOf(c).config;
  const logger = (c: ResolutionContext) => get<Logger>(c, TOKENS.Logger).child({ component: 'compile' });

  o.bind<CompilePolicy>(TOKENS.CompilePolicy).toDynamicValue((c) => compilePolicyOf(config(c))).inSingletonScope();
  o.bind<HmacCompileCallbacks>(TOKENS.CompileCallbacks).toDynamicValue((c) => {
    const cfg = config(c);
    if (cfg.compileCallbackSecret === undefined && cfg.redisUrl !== undefined) {
      logger(c).warn({}, 'COMPILE_CALLBACK_SECRET not set: callback tokens use a per-process secret, so a callback reaching another instance is refused; set the same secret on every instance');
    }
    return new HmacCompileCallbacks(cfg.compileCallbackSecret ?? randomBytes(32), cfg.compileCallbackBaseUrl);
  }).inSingletonScope();
  o.bind(TOKENS.CompleteCompileJob).toDynamicValue((c) => new CompleteCompileJob(
    get(c, TOKENS.PendingCompileJobs), get(c, TOKENS.CompileAdmission), get<CompilePolicy>(c, TOKENS.CompilePolicy),
  )).inSingletonScope();
  o.bind(TOKENS.AuthorizeCompileCallback).toDynamicValue((c) => new AuthorizeCompileCallback(get(c, TOKENS.CompileCallbacks), get(c, TOKENS.PendingCompileJobs))).inSingletonScope();
  o.bind<CompileBackend>(TOKENS.CompileBackend).toDynamicValue((c) => createCompileBackend({
    config: config(c),
    loopback: settingsOf(c).loopback,
    callbacks: get(c, TOKENS.CompileCallbacks),
    complete: get(c, TOKENS.CompleteCompileJob),
    logger: logger(c),
  })).inSingletonScope();
  o.bind(TOKENS.CompileWorker).toDynamicValue((c) => get<CompileBackend>(c, TOKENS.CompileBackend).worker).inSingletonScope();
  o.bind(TOKENS.RunCode).toDynamicValue((c) => observeExecute(new RunCode({
    policy: get(c, TOKENS.CompilePolicy),
    admission: get(c, TOKENS.CompileAdmission),
    jobs: get(c, TOKENS.PendingCompileJobs),
    worker: get(c, TOKENS.CompileWorker),
    callbacks: get(c, TOKENS.CompileCallbacks),
    timeouts: new NodeTimeouts(),
    clock: clockOf(c),
    random: get<SecureRandom>(c, TOKENS.SecureRandom),
  }), (_input, result, elapsedMs) => {
    const outcome = result.ok ? result.value.status.toLowerCase() : result.error.code;
    get<PromMetrics>(c, TOKENS.Metrics).compileAnswered(outcome, get<CompileBackend>(c, TOKENS.CompileBackend).kind, elapsedMs);
  })).inSingletonScope();

  o.bind(TOKENS.HttpModules).toDynamicValue((c) => {
    const backend = get<CompileBackend>(c, TOKENS.CompileBackend);
    const judge0 = backend.judge0;
    return new CompileRoutes({
      guards: get<AuthGuards>(c, TOKENS.AuthGuards),
      clock: clockOf(c),
      runCode: get(c, TOKENS.RunCode),
      authorizeCallback: get(c, TOKENS.AuthorizeCompileCallback),
      completeJob: get(c, TOKENS.CompleteCompileJob),
      judge0: judge0 ? { finalOutcome: (body) => finalJudge0Outcome(body, config(c).compileMaxOutputChars), forget: (jobId) => judge0.forget(jobId) } : undefined,
    });
  });
  o.bind<Lifecycle>(TOKENS.Lifecycle).toDynamicValue((c): Lifecycle => ({
    name: 'compile',
    async stop() {
      const backend = get<CompileBackend>(c, TOKENS.CompileBackend);
      await backend.local?.idle();
      const worker = backend.worker as { close?: () => void };
      worker.close?.();
      const pending = get<PendingCompileJobs>(c, TOKENS.PendingCompileJobs) as { close?: () => Promise<void> };
      await pending.close?.();
    },
  })).inSingletonScope();
});
