import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { chmod, chown, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeRunnerUnavailableError, type CodeRunner, type RunJob, type RunOutcome } from '@sooscode/domain';
import { silentLogger, type Logger } from '../system/logger';
import { OUTPUT_DIR, planJob, type JobDirs, type JobPlan, type JobStep, type Toolchain } from './job-plan';
import { listJobFiles } from './job-view';
import { runLimited, type LimitedResult } from './run-limited';
import { RunQueue } from './run-queue';
import { Sandbox, type Isolation, type IsolationSetting, type SandboxJob, type SandboxLimits, type WrappedCommand } from './sandbox';
import { resolveCommand } from './sandbox-filesystem';

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
  /** Which sandbox to use (`COMPILE_LOCAL_ISOLATION`). Default `auto`: bwrap, else unshare, else refuse. */
  readonly isolation?: IsolationSetting;
  readonly logger?: Logger;
}

/**
 * Runs jobs on this machine, each in the sandbox `Sandbox` builds (bubblewrap or `unshare`
 * namespaces: a read-only toolchain, a fresh size-limited `/job` and `/tmp`, a private `/proc`, no
 * network, an unprivileged uid, rlimits) with a minimal environment (`PATH`, `HOME=/job`,
 * `TMPDIR=/tmp`, `LANG=C.UTF-8`; nothing else from the API's environment). When no sandbox can be
 * built and the operator has not set `isolation: 'none'`, every job is refused with
 * `CodeRunnerUnavailableError`. Java: the class declaring `public static void main` is compiled
 * with `javac` into `out/` and run with `java`; Python 3 runs isolated (`-I -S`); JavaScript runs
 * under the Node.js permission model. Outcomes follow the worker protocol: exit 0 → `SUCCESS`;
 * compile error (`Compile Error: …`), non-zero exit, time limit
 * (`…TIMEOUT: 실행 시간이 초과되었습니다. (5초)`) or runaway output → `FAIL`; a fault of the runner
 * itself → `ERROR`.
 */
export class LocalCodeRunner implements CodeRunner {
  private readonly compileTimeoutMs: number;
  private readonly runTimeoutMs: number;
  private readonly maxOutputChars: number;
  private readonly overflowBytes: number;
  private readonly tempRoot: string;
  private readonly path: string;
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
    this.path = options.path ?? '/usr/local/bin:/usr/bin:/bin';
    const absolute = (name: string) => resolveCommand(name, this.path) ?? name;
    this.tools = {
      javac: absolute(options.commands?.javac ?? 'javac'),
      java: absolute(options.commands?.java ?? 'java'),
      python: absolute(options.commands?.python ?? 'python3'),
      node: process.execPath,
    };
    this.queue = new RunQueue(options.concurrency ?? 2, options.maxQueued ?? 16);
    this.sandbox = Sandbox.probe(
      options.isolation ?? 'auto',
      {
        maxProcesses: options.limits?.maxProcesses ?? 64,
        maxFileBytes: options.limits?.maxFileBytes ?? 16 * 1024 * 1024,
        maxOpenFiles: options.limits?.maxOpenFiles ?? 256,
        diskBytes: options.limits?.diskBytes ?? 64 * 1024 * 1024,
        uidBase: options.limits?.uidBase ?? 61_000,
      },
      this.path,
      this.tempRoot,
      [this.tools.javac, this.tools.java, this.tools.python, this.tools.node],
    );
    this.logger = (options.logger ?? silentLogger).child({ component: 'local-runner' });
    if (this.sandbox.owner(0) && !worldTraversable(this.tempRoot)) {
      this.logger.warn({ tempRoot: this.tempRoot }, 'temp root is not traversable by the job users; every run will fail');
    }
  }

  /** What this machine lets the runner enforce; the composition root logs `detail` at start-up. */
  isolation(): Isolation {
    return this.sandbox.isolation();
  }

  /**
   * Rejects only with `CodeRunnerBusyError` (queue full) or `CodeRunnerUnavailableError` (no
   * sandbox); every program outcome resolves.
   */
  run(job: RunJob): Promise<RunOutcome> {
    if (this.sandbox.kind === 'unavailable') return Promise.reject(new CodeRunnerUnavailableError(this.sandbox.isolation().detail));
    return this.queue.run((slot) => this.execute(job, slot));
  }

  private async execute(job: RunJob, slot: number): Promise<RunOutcome> {
    let dir: string | undefined;
    try {
      dir = await mkdtemp(join(this.tempRoot, 'sooscode-job-'));
      const { files, rootDir } = layoutOf(dir);
      const dirs = { dir: this.sandbox.jobDir(files), tmp: this.sandbox.tmpDir(files) };
      const plan = planJob(job.language, job.code, dirs, this.tools);
      await this.prepare(dir, plan, job.code, slot);
      let last: RunOutcome = { status: 'ERROR', output: '' };
      for (const step of plan.steps) {
        const view = { hostDir: files, files: await listJobFiles(files), writable: step.kind === 'compile' ? OUTPUT_DIR : undefined };
        last = await this.runStep(job, step, { slot, view, rootDir }, dirs);
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

  /** Writes the source into `dir/files`, makes `dir/root` (and `dir/files/out` for a compiled language), owned by the job's uid. */
  private async prepare(dir: string, plan: JobPlan, code: string, slot: number): Promise<void> {
    const { files, rootDir } = layoutOf(dir);
    const compiles = plan.steps.some((step) => step.kind === 'compile');
    const made = [dir, files, rootDir, ...(compiles ? [join(files, OUTPUT_DIR)] : [])];
    for (const d of made.slice(1)) await mkdir(d, { mode: 0o700 });
    const source = join(files, plan.fileName);
    await writeFile(source, code, { encoding: 'utf8', mode: 0o600 });
    const owner = this.sandbox.owner(slot);
    if (owner) for (const path of [...made, source]) await chown(path, owner.uid, owner.gid);
  }

  private async runStep(job: RunJob, step: JobStep, where: SandboxJob, dirs: JobDirs): Promise<RunOutcome> {
    const timeoutMs = step.kind === 'compile' ? this.compileTimeoutMs : this.runTimeoutMs;
    const env = { PATH: this.path, LANG: 'C.UTF-8', HOME: dirs.dir, TMPDIR: dirs.tmp };
    const sandboxStep = { argv: step.argv, addressSpaceBytes: step.addressSpaceBytes, cpuSeconds: Math.ceil(timeoutMs / 1000) + 1, env };
    const result = await runLimited({
      cmd: await this.sandbox.wrap(sandboxStep, where),
      cwd: where.view.hostDir,
      env: this.sandbox.kind === 'none' ? env : { PATH: this.path },
      timeoutMs,
      maxOutputChars: this.maxOutputChars,
      overflowBytes: this.overflowBytes,
      namespaced: this.sandbox.kind === 'bwrap' || this.sandbox.kind === 'unshare',
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
    if (reaper) await runQuietly(reaper, this.path);
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

/** A job folder's parts on the host: `files` (the job's files) and `root` (the unshare sandbox's mount point). */
function layoutOf(dir: string): { files: string; rootDir: string } {
  return { files: join(dir, 'files'), rootDir: join(dir, 'root') };
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
