import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bwrapArgs, type SandboxSpec } from './bwrap-args';
import { JOB_DIR, JOB_TMP, type JobView } from './job-view';
import { hostView, resolveCommand, type HostMount } from './sandbox-filesystem';
import { unshareArgv } from './unshare-args';

/**
 * How jobs are isolated: `bwrap` (bubblewrap) or `unshare` (util-linux) namespaces; `none`, the
 * operator's explicit, unsafe opt-out (limits only, the host filesystem visible); `unavailable`,
 * no sandbox could be built and none was waived, so the runner refuses every job.
 */
export type IsolationKind = 'bwrap' | 'unshare' | 'none' | 'unavailable';

/** What the operator asks for (`COMPILE_LOCAL_ISOLATION`): `auto` tries bwrap, then unshare. */
export type IsolationSetting = 'auto' | 'bwrap' | 'unshare' | 'none';

/** What the local runner enforces on this machine (probed once, at construction). */
export interface Isolation {
  readonly kind: IsolationKind;
  /** The job runs in its own network namespace (no network at all) and PID namespace. */
  readonly network: boolean;
  /** A per-job limit on processes/threads (RLIMIT_NPROC) contains fork bombs. */
  readonly processLimit: boolean;
  /** One line for the start-up log: what is in use, or what to install. */
  readonly detail: string;
}

/** Limits applied to every job process, in addition to the wall-clock limit. */
export interface SandboxLimits {
  /** Max processes + threads of one job (RLIMIT_NPROC). Default 64. */
  readonly maxProcesses: number;
  /** Max size of any file the job writes, bytes (RLIMIT_FSIZE). Default 16 MiB. */
  readonly maxFileBytes: number;
  /** Max open file descriptors (RLIMIT_NOFILE). Default 256. */
  readonly maxOpenFiles: number;
  /** Size of each of the job's private folders, `/job` and `/tmp` (tmpfs), bytes. Default 64 MiB. */
  readonly diskBytes: number;
  /**
   * First uid/gid of the unprivileged identities jobs run as when the API runs as root; slot
   * `n` of the run queue uses `base + n`, so a process limit and a final `kill -1` are per job.
   * Default 61000.
   */
  readonly uidBase: number;
}

/** The argv that runs a step inside the sandbox. */
export interface WrappedCommand {
  readonly command: string;
  readonly args: string[];
}

/** One process of a job, as the sandbox needs it. */
export interface SandboxStep {
  /** The program and its arguments; the program is an absolute path or a name on the job's `PATH`. */
  readonly argv: readonly string[];
  /** Virtual memory cap (RLIMIT_AS), bytes. */
  readonly addressSpaceBytes: number;
  /** CPU time cap (RLIMIT_CPU), seconds. */
  readonly cpuSeconds: number;
  /** The program's whole environment. */
  readonly env: Readonly<Record<string, string>>;
}

/** Where a job lives on the host. */
export interface SandboxJob {
  readonly slot: number;
  readonly view: JobView;
  /** An empty host folder the `unshare` sandbox mounts its new root on. */
  readonly rootDir: string;
}

/** Wrapper-side failure marker: written by the wrapper script to its own stderr, never by user code. */
const SCRIPT = 'command -v "$1" >/dev/null 2>&1 || { echo "sooscode-runner: command not found: $1" >&2; exit 127; }; exec "$@" 2>&1';
const INSTALL_HINT = 'install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap), or allow unprivileged user namespaces for unshare(1)';

type Identity = 'root' | 'user' | 'plain';

/**
 * Builds the process wrapper of the local runner. Each step runs, outermost first:
 * * as root, `setpriv` to the slot's unprivileged uid/gid with no groups and `no_new_privs`;
 * * `prlimit`: processes, address space, CPU time, file size, open files, no core dumps;
 * * the sandbox (`bwrap`, or the `unshare` fallback): see `bwrapArgs` and `unshareArgv`;
 * * a small shell that reports a missing toolchain and merges stderr into stdout (`2>&1`), so the
 *   runner reads both interleaved from one pipe; the wrapper's own stderr carries only its faults.
 * With `none` only the first two apply, and the program sees the host's filesystem.
 */
export class Sandbox {
  private constructor(
    readonly kind: IsolationKind,
    private readonly identity: Identity,
    private readonly limits: SandboxLimits,
    private readonly mounts: readonly HostMount[],
    private readonly detail: string,
  ) {}

  /**
   * Probes the machine (a few short synchronous runs, under 2 s each) and picks the isolation.
   * The tools (`bwrap`, `unshare`, `prlimit`, `setpriv`) and `tools`, the toolchain executables,
   * are looked up on `path`, the jobs' `PATH`; `tempRoot` is where job folders are made.
   */
  static probe(setting: IsolationSetting, limits: SandboxLimits, path: string, tempRoot: string, tools: readonly string[]): Sandbox {
    const linux = process.platform === 'linux';
    const root = linux && process.getuid?.() === 0;
    const has = (cmd: string) => resolveCommand(cmd, path) !== undefined;
    const identity: Identity = linux && has('prlimit') && has('setpriv') ? (root ? 'root' : 'user') : 'plain';
    const mounts = hostView(tools.map((t) => resolveCommand(t, path) ?? t));
    const candidates: ('bwrap' | 'unshare')[] = setting === 'auto' ? ['bwrap', 'unshare'] : setting === 'none' ? [] : [setting];
    if (setting === 'none') {
      return new Sandbox('none', identity, limits, mounts, 'COMPILE_LOCAL_ISOLATION=none: user programs run WITHOUT a sandbox and can read this machine\'s files (unsafe)');
    }
    const failures: string[] = [];
    if (identity === 'plain') failures.push('prlimit and setpriv (util-linux) are needed on Linux');
    else {
      for (const kind of candidates) {
        if (!has(kind)) {
          failures.push(`${kind}: not installed`);
          continue;
        }
        const sandbox = new Sandbox(kind, identity, limits, mounts, `${kind} (namespaces, read-only toolchain, private /job and /tmp, no network, uid ${root ? `${limits.uidBase}+slot` : String(process.getuid?.())})`);
        const why = sandbox.selfTest(path, tempRoot);
        if (why === undefined) return sandbox;
        failures.push(`${kind}: ${why}`);
      }
    }
    return new Sandbox('unavailable', identity, limits, mounts, `no sandbox for user programs (${failures.join('; ')}): ${INSTALL_HINT}, or set COMPILE_LOCAL_ISOLATION=none (unsafe)`);
  }

  isolation(): Isolation {
    const namespaces = this.kind === 'bwrap' || this.kind === 'unshare';
    return { kind: this.kind, network: namespaces, processLimit: this.identity !== 'plain' && this.kind !== 'unavailable', detail: this.detail };
  }

  /** The uid/gid the job's files must belong to, when jobs run as another user. */
  owner(slot: number): { uid: number; gid: number } | undefined {
    if (this.identity !== 'root') return undefined;
    const id = this.limits.uidBase + slot;
    return { uid: id, gid: id };
  }

  /** The job's folder as the program sees it: `/job` in a sandbox, the host folder with `none`. */
  jobDir(hostDir: string): string {
    return this.kind === 'none' ? hostDir : JOB_DIR;
  }

  /** The job's temporary folder as the program sees it. */
  tmpDir(hostDir: string): string {
    return this.kind === 'none' ? hostDir : JOB_TMP;
  }

  /** Wraps `step` of `job`. Throws when the kind is `unavailable` (the runner checks first). */
  async wrap(step: SandboxStep, job: SandboxJob): Promise<WrappedCommand> {
    const nproc = this.identity === 'user' ? (await tasksOfCurrentUser()) + this.limits.maxProcesses : this.limits.maxProcesses;
    return this.command(step, job, nproc);
  }

  /**
   * The command that kills every remaining process of slot `slot` after a job, or `undefined`
   * when nothing is needed (PID namespace: its processes die with it) or possible (no own uid).
   */
  reaper(slot: number): WrappedCommand | undefined {
    if (this.identity !== 'root' || this.kind !== 'none') return undefined;
    const id = String(this.limits.uidBase + slot);
    return { command: 'setpriv', args: ['--reuid', id, '--regid', id, '--clear-groups', '--', '/bin/sh', '-c', 'kill -9 -1 2>/dev/null; exit 0'] };
  }

  /** Runs `exit 0` in this sandbox once; `undefined` when it worked, else why not. */
  private selfTest(path: string, tempRoot: string): string | undefined {
    let dir: string | undefined;
    try {
      dir = mkdtempSync(join(tempRoot, 'sooscode-probe-'));
      const files = join(dir, 'files');
      const rootDir = join(dir, 'root');
      mkdirSync(files);
      mkdirSync(rootDir);
      const owner = this.owner(0);
      if (owner) for (const d of [dir, files, rootDir]) chownSync(d, owner.uid, owner.gid);
      const env = { PATH: path };
      const step = { argv: ['/bin/sh', '-c', 'exit 0'], addressSpaceBytes: 1024 ** 3, cpuSeconds: 2, env };
      const cmd = this.command(step, { slot: 0, view: { hostDir: files, files: [] }, rootDir }, undefined);
      const r = spawnSync(cmd.command, cmd.args, { encoding: 'utf8', timeout: 2000, env, cwd: dir });
      if (r.status === 0) return undefined;
      return (r.stderr || r.error?.message || `exit ${String(r.status)}`).trim().split('\n').pop();
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The wrapped argv; `nproc` undefined leaves RLIMIT_NPROC out (the probe). */
  private command(step: SandboxStep, job: SandboxJob, nproc: number | undefined): WrappedCommand {
    if (this.kind === 'unavailable') throw new Error('no sandbox available');
    const shell = ['/bin/sh', '-c', SCRIPT, 'sh', ...step.argv];
    const spec: SandboxSpec = { mounts: this.mounts, view: job.view, env: step.env, diskBytes: this.limits.diskBytes, argv: shell };
    const inner =
      this.kind === 'bwrap' ? ['bwrap', ...bwrapArgs(spec)] : this.kind === 'unshare' ? unshareArgv(spec, job.rootDir) : shell;
    if (this.identity === 'plain') return { command: inner[0] ?? '/bin/sh', args: inner.slice(1) };
    const rlimits = [
      'prlimit',
      ...(nproc === undefined ? [] : [`--nproc=${nproc}`]),
      `--as=${step.addressSpaceBytes}`,
      `--cpu=${step.cpuSeconds}`,
      `--fsize=${this.limits.maxFileBytes}`,
      `--nofile=${this.limits.maxOpenFiles}`,
      '--core=0',
      '--',
    ];
    const id = String(this.limits.uidBase + job.slot);
    const drop =
      this.identity === 'root'
        ? ['setpriv', '--reuid', id, '--regid', id, '--clear-groups', '--no-new-privs', '--']
        : ['setpriv', '--no-new-privs', '--'];
    const full = [...drop, ...rlimits, ...inner];
    return { command: full[0] ?? 'setpriv', args: full.slice(1) };
  }
}

/** Number of tasks (processes and threads) of this process's real uid, read from /proc. */
async function tasksOfCurrentUser(): Promise<number> {
  const uid = String(process.getuid?.() ?? -1);
  let total = 0;
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = await readFile(`/proc/${name}/status`, 'utf8');
      const realUid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
      if (realUid === uid) total += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
    } catch {
      // The process ended while we were reading.
    }
  }
  return total;
}
