import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { chmod, chown, lstat, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeRunner, RunJob, RunOutcome } from '@sooscode/domain';
import { silentLogger, type Logger } from '../system/logger';
import { planJob, type JobStep, type Toolchain } from './job-plan';
import { runLimited, type LimitedResult } from './run-limited';
import { RunQueue } from './run-queue';
import { Sandbox, type Isolation, type SandboxLimits, type WrappedCommand } from './sandbox';

/** Options of `LocalCodeRunner`; every field has a default. */
export interface LocalCodeRunnerOptions {
  /** Wall-clock limit of the Java compile step, ms. Default 10 000. */
  readonly compileTimeoutMs?: number;
  /** Wall-clock limit of the program run, ms. Default 5 000. */
  readonly runTimeoutMs?: number;
  /** Output cap, UTF-16 code units (`COMPILE_MAX_OUTPUT_CHARS`). Default 20 000. */
  readonly maxOutputChars?: number;
  /** Bytes accepted past the cap before the program is killed. Default 64 KiB. */
  readonly overflowBytes?: number;
  /** Jobs running at once. Default 2. */
  readonly concurrency?: number;
  /** Jobs waiting for a free slot; one more rejects with `CodeRunnerBusyError`. Default 16. */
  readonly maxQueued?: number;
  /**
   * Where job directories are made (one fresh `sooscode-job-*` per job, always removed).
   * When the API runs as root it must be traversable by other users (e.g. mode 0711).
   * Default: the OS temp dir.
   */
  readonly tempRoot?: string;
  /** The only `PATH` the program sees. Default `/usr/local/bin:/usr/bin:/bin`. */
  readonly path?: string;
  /** Executable names or paths. Defaults `javac`, `java`, `python3`. Node.js is always `process.execPath`. */
  readonly commands?: Partial<Omit<Toolchain, 'node'>>;
  /** Per-job OS limits; see `SandboxLimits`. */
  readonly limits?: Partial<SandboxLimits>;
  readonly logger?: Logger;
}

/**
 * Runs jobs on this machine, each in a fresh temporary directory with a minimal environment
 * (`PATH`, `HOME` and `TMPDIR` = the job dir, `LANG=C.UTF-8`; nothing else from the API's
 * environment), under the limits `Sandbox` can enforce here (see `isolation()`). Java: the
 * class declaring `public static void main` is compiled with `javac` and run with `java`;
 * Python 3 runs isolated (`-I -S`); JavaScript runs under the Node.js permission model.
 * Outcomes follow the worker protocol: exit 0 → `SUCCESS`; compile error (`Compile Error: …`),
 * non-zero exit, time limit (`…TIMEOUT: 실행 시간이 초과되었습니다. (5초)`) or runaway output →
 * `FAIL`; a fault of the runner itself → `ERROR`. Development use only: it is not a sandbox.
 */
export class LocalCodeRunner implements CodeRunner {
  private readonly compileTimeoutMs: number;
  private readonly runTimeoutMs: number;
  private readonly maxOutputChars: number;
  private readonly overflowBytes: number;
  private readonly tempRoot: string;
  private readonly env: { PATH: string; LANG: string };
  private readonly tools: Toolchain;
  private readonly queue: RunQueue;
  private readonly sandbox: Sandbox;
  private readonly logger: Logger;

  constructor(options: LocalCodeRunnerOptions = {}) {
    this.compileTimeoutMs = options.compileTimeoutMs ?? 10_000;
    this.runTimeoutMs = options.runTimeoutMs ?? 5_000;
    this.maxOutputChars = options.maxOutputChars ?? 20_000;
    this.overflowBytes = options.overflowBytes ?? 64 * 1024;
    this.tempRoot = options.tempRoot ?? tmpdir();
    this.env = { PATH: options.path ?? '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8' };
    this.tools = {
      javac: options.commands?.javac ?? 'javac',
      java: options.commands?.java ?? 'java',
      python: options.commands?.python ?? 'python3',
      node: process.execPath,
    };
    this.queue = new RunQueue(options.concurrency ?? 2, options.maxQueued ?? 16);
    this.sandbox = Sandbox.probe(
      {
        maxProcesses: options.limits?.maxProcesses ?? 64,
        maxFileBytes: options.limits?.maxFileBytes ?? 16 * 1024 * 1024,
        maxOpenFiles: options.limits?.maxOpenFiles ?? 256,
        uidBase: options.limits?.uidBase ?? 61_000,
      },
      this.env.PATH,
    );
    this.logger = (options.logger ?? silentLogger).child({ component: 'local-runner' });
    if (this.sandbox.owner(0) && !worldTraversable(this.tempRoot)) {
      this.logger.warn({ tempRoot: this.tempRoot }, 'temp root is not traversable by the job users; every run will fail');
    }
  }

  /** What this machine lets the runner enforce; log a warning at start-up when either is false. */
  isolation(): Isolation {
    return this.sandbox.isolation();
  }

  /** Rejects only with `CodeRunnerBusyError` (queue full); every program outcome resolves. */
  run(job: RunJob): Promise<RunOutcome> {
    return this.queue.run((slot) => this.execute(job, slot));
  }

  private async execute(job: RunJob, slot: number): Promise<RunOutcome> {
    let dir: string | undefined;
    try {
      dir = await mkdtemp(join(this.tempRoot, 'sooscode-job-'));
      const owner = this.sandbox.owner(slot);
      const plan = planJob(job.language, job.code, dir, this.tools);
      const file = join(dir, plan.fileName);
      await writeFile(file, job.code, { encoding: 'utf8', mode: 0o600 });
      if (owner) {
        await chown(dir, owner.uid, owner.gid);
        await chown(file, owner.uid, owner.gid);
      }
      let last: RunOutcome = { status: 'ERROR', output: '' };
      for (const step of plan.steps) {
        last = await this.runStep(job, step, dir, slot);
        if (step.kind === 'compile' && last.status !== 'SUCCESS') return last;
      }
      return last;
    } catch (e) {
      this.logger.error({ jobId: job.jobId, err: e }, 'local run failed');
      return { status: 'ERROR', output: '' };
    } finally {
      await this.cleanUp(job.jobId, slot, dir);
    }
  }

  private async runStep(job: RunJob, step: JobStep, dir: string, slot: number): Promise<RunOutcome> {
    const timeoutMs = step.kind === 'compile' ? this.compileTimeoutMs : this.runTimeoutMs;
    const result = await runLimited({
      cmd: await this.sandbox.wrap(step.argv, slot, step.addressSpaceBytes),
      cwd: dir,
      env: { ...this.env, HOME: dir, TMPDIR: dir },
      timeoutMs,
      maxOutputChars: this.maxOutputChars,
      overflowBytes: this.overflowBytes,
    });
    return this.outcomeOf(job, step, result, timeoutMs);
  }

  private outcomeOf(job: RunJob, step: JobStep, r: LimitedResult, timeoutMs: number): RunOutcome {
    if (r.timedOut) {
      const what = step.kind === 'compile' ? '컴파일' : '실행';
      return { status: 'FAIL', output: withLine(r.output, `TIMEOUT: ${what} 시간이 초과되었습니다. (${seconds(timeoutMs)}초)`) };
    }
    if (r.exitCode !== 0 && !r.outputLimitKilled && r.diagnostics !== '') {
      this.logger.error({ jobId: job.jobId, step: step.kind, exitCode: r.exitCode, diagnostics: r.diagnostics }, 'runner fault');
      return { status: 'ERROR', output: '' };
    }
    if (r.exitCode === 0 && !r.outputLimitKilled) return { status: 'SUCCESS', output: r.output };
    return { status: 'FAIL', output: step.kind === 'compile' ? `Compile Error: ${r.output}` : r.output };
  }

  private async cleanUp(jobId: string, slot: number, dir: string | undefined): Promise<void> {
    const reaper = this.sandbox.reaper(slot);
    if (reaper) await runQuietly(reaper, this.env.PATH);
    if (dir === undefined) return;
    try {
      await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    } catch {
      // The program may have taken permissions away from its own files (same-user mode).
      try {
        await restoreAccess(dir);
        await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
      } catch (e) {
        this.logger.error({ jobId, dir, err: e }, 'could not remove job directory');
      }
    }
  }
}

/** Gives the owner full access to `dir` and every directory below it (symlinks are not followed). */
async function restoreAccess(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await lstat(path)).isDirectory()) await restoreAccess(path);
  }
}

/** True when users other than the owner may enter `dir` (its mode has o+x). */
function worldTraversable(dir: string): boolean {
  try {
    return (statSync(dir).mode & 0o001) !== 0;
  } catch {
    return false;
  }
}

/** `text`, then `line` on a line of its own. */
function withLine(text: string, line: string): string {
  return text === '' || text.endsWith('\n') ? text + line : `${text}\n${line}`;
}

/** `5000` → `5`, `1500` → `1.5`. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/** Runs a helper command to completion (at most 2 s), ignoring its output and exit status. */
function runQuietly(cmd: WrappedCommand, path: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(cmd.command, cmd.args, { stdio: 'ignore', timeout: 2000, env: { PATH: path } });
    child.on('error', () => resolve());
    child.on('close', () => resolve());
  });
}
