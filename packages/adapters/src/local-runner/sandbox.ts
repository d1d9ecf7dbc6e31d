import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/** What the local runner can enforce on this machine (probed once, at construction). */
export interface Isolation {
  /** The job runs in its own network namespace (no network at all) and PID namespace. */
  readonly network: boolean;
  /** A per-job limit on processes/threads (RLIMIT_NPROC) contains fork bombs. */
  readonly processLimit: boolean;
}

/** Limits applied to every job process, in addition to the wall-clock limit. */
export interface SandboxLimits {
  /** Max processes + threads of one job (RLIMIT_NPROC). Default 64. */
  readonly maxProcesses: number;
  /** Max size of any file the job writes, bytes (RLIMIT_FSIZE). Default 16 MiB. */
  readonly maxFileBytes: number;
  /** Max open file descriptors (RLIMIT_NOFILE). Default 256. */
  readonly maxOpenFiles: number;
  /**
   * First uid/gid of the unprivileged identities jobs run as when the API runs as root; slot
   * `n` of the run queue uses `base + n`, so a process limit and a final `kill -1` are per job.
   * Default 61000.
   */
  readonly uidBase: number;
}

/** The argv that runs `argv` inside the sandbox. */
export interface WrappedCommand {
  readonly command: string;
  readonly args: string[];
}

/** Wrapper-side failure marker: written by the wrapper script to its own stderr, never by user code. */
const SCRIPT = 'command -v "$1" >/dev/null 2>&1 || { echo "sooscode-runner: command not found: $1" >&2; exit 127; }; exec "$@" 2>&1';

type Mode = 'root' | 'user' | 'none';

/**
 * Builds the process wrapper of the local runner from what the OS offers:
 * * as root with `setpriv` and `prlimit`: each job runs as an unprivileged per-slot uid with
 *   rlimits; with a working `unshare` also in fresh network and PID namespaces (killing the
 *   namespace's first process kills every process of the job);
 * * as another user on Linux with `prlimit`: rlimits only, the process limit counted on top of
 *   the user's current number of tasks (RLIMIT_NPROC counts per user);
 * * otherwise: no isolation, only the wall-clock limit and the process-group kill.
 * The wrapper merges the program's stderr into stdout (`2>&1`), so the runner reads both
 * interleaved from one pipe; the wrapper's own stderr carries only wrapper faults.
 * None of this is a security sandbox for hostile code; use a worker or Judge0 in production.
 */
export class Sandbox {
  private constructor(
    private readonly mode: Mode,
    private readonly netns: boolean,
    private readonly limits: SandboxLimits,
  ) {}

  /**
   * Probes the machine (a few short synchronous runs, under 2 s each) and builds the wrapper.
   * The tools (`prlimit`, `setpriv`, `unshare`) are looked up on `path`, the jobs' `PATH`.
   */
  static probe(limits: SandboxLimits, path: string): Sandbox {
    const works = (cmd: string, args: string[]): boolean => {
      const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 2000, env: { PATH: path } });
      return r.status === 0;
    };
    const noop = ['/bin/sh', '-c', 'exit 0'];
    const linux = process.platform === 'linux';
    const root = linux && process.getuid?.() === 0;
    const prlimit = linux && works('prlimit', ['--nofile=64', '--', ...noop]);
    if (root && prlimit && works('setpriv', ['--reuid', String(limits.uidBase), '--regid', String(limits.uidBase), '--clear-groups', '--', ...noop])) {
      const netns = works('unshare', ['--net', '--pid', '--fork', '--kill-child', '--', ...noop]);
      return new Sandbox('root', netns, limits);
    }
    if (linux && !root && prlimit) return new Sandbox('user', false, limits);
    return new Sandbox('none', false, limits);
  }

  isolation(): Isolation {
    return { network: this.netns, processLimit: this.mode !== 'none' };
  }

  /** The uid/gid the job's files must belong to, when jobs run as another user. */
  owner(slot: number): { uid: number; gid: number } | undefined {
    if (this.mode !== 'root') return undefined;
    const id = this.limits.uidBase + slot;
    return { uid: id, gid: id };
  }

  /**
   * Wraps `argv` for queue slot `slot`. `addressSpaceBytes` caps virtual memory (RLIMIT_AS);
   * JVMs and V8 reserve far more than they use, so callers pass generous values there.
   */
  async wrap(argv: readonly string[], slot: number, addressSpaceBytes: number): Promise<WrappedCommand> {
    const shell = ['/bin/sh', '-c', SCRIPT, 'sh', ...argv];
    if (this.mode === 'none') return { command: shell[0] ?? '/bin/sh', args: shell.slice(1) };
    const nproc = this.mode === 'root' ? this.limits.maxProcesses : (await tasksOfCurrentUser()) + this.limits.maxProcesses;
    const rlimits = [
      'prlimit',
      `--nproc=${nproc}`,
      `--as=${addressSpaceBytes}`,
      `--fsize=${this.limits.maxFileBytes}`,
      `--nofile=${this.limits.maxOpenFiles}`,
      '--core=0',
      '--',
    ];
    if (this.mode === 'user') return { command: 'prlimit', args: [...rlimits.slice(1), ...shell] };
    const id = String(this.limits.uidBase + slot);
    const drop = ['setpriv', '--reuid', id, '--regid', id, '--clear-groups', '--no-new-privs', '--'];
    const ns = this.netns ? ['unshare', '--net', '--pid', '--fork', '--kill-child', '--'] : [];
    const full = [...ns, ...drop, ...rlimits, ...shell];
    return { command: full[0] ?? 'setpriv', args: full.slice(1) };
  }

  /**
   * The command that kills every remaining process of slot `slot` after a job, or `undefined`
   * when nothing is needed (PID namespace: its processes die with it) or possible (no own uid).
   */
  reaper(slot: number): WrappedCommand | undefined {
    if (this.mode !== 'root' || this.netns) return undefined;
    const id = String(this.limits.uidBase + slot);
    return { command: 'setpriv', args: ['--reuid', id, '--regid', id, '--clear-groups', '--', '/bin/sh', '-c', 'kill -9 -1 2>/dev/null; exit 0'] };
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
