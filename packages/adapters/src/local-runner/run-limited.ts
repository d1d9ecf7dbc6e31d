import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { OutputCollector } from '../compile-shared/output-collector';
import type { WrappedCommand } from './sandbox';

/** One sandboxed process to run to completion. */
export interface LimitedRun {
  readonly cmd: WrappedCommand;
  readonly cwd: string;
  readonly env: Record<string, string>;
  /** Wall-clock limit, ms. At the limit the whole process group is killed with SIGKILL. */
  readonly timeoutMs: number;
  /** Output cap, UTF-16 code units. */
  readonly maxOutputChars: number;
  /** Bytes accepted beyond the cap before the process group is killed. */
  readonly overflowBytes: number;
  /**
   * The process is a namespace sandbox (bwrap, unshare) whose only child is the first process of a
   * PID namespace: to stop the job, that child is killed first (taking the whole namespace with
   * it) so the sandbox reaps it and exits, and only then the group; killing the sandbox first
   * would leave its child as a zombie for the machine's init (or for us, as PID 1 in a container).
   */
  readonly namespaced?: boolean;
}

/** How a limited process ended. */
export interface LimitedResult {
  /** Exit code, or `null` when killed by a signal or never started. */
  readonly exitCode: number | null;
  /** stdout and stderr of the program, interleaved, capped (with the truncation marker). */
  readonly output: string;
  readonly timedOut: boolean;
  /** Killed because it kept writing far beyond the output cap. */
  readonly outputLimitKilled: boolean;
  /** Text the wrapper itself wrote (its stderr), or the spawn error; empty when all went well. */
  readonly diagnostics: string;
}

/** After the process exits, how long to wait for its pipes to close (escaped grandchildren), ms. */
const PIPE_GRACE_MS = 500;
/** After a kill, how long before giving up on an `exit` event (an unkillable process), ms. */
const EXIT_GRACE_MS = 3000;
/** After killing a sandbox's namespace, how long it has to reap it and exit before its group is killed, ms. */
const REAP_GRACE_MS = 500;
const DIAGNOSTICS_CAP = 4000;

/**
 * Runs one process in its own process group and always resolves, never rejects: on the time
 * limit or on runaway output it kills the whole group (`kill(-pgid, SIGKILL)`); after the process
 * exits it kills the group again so no background child survives; if the pipes stay open or the
 * process cannot be reaped, it stops waiting after a short grace.
 */
export function runLimited(spec: LimitedRun): Promise<LimitedResult> {
  return new Promise((resolve) => {
    let timedOut = false;
    let outputLimitKilled = false;
    let exitCode: number | null = null;
    let exited = false;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const diagnostics = new OutputCollector(DIAGNOSTICS_CAP, 0);

    const child = spawn(spec.cmd.command, spec.cmd.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    const stop = (): void => {
      if (child.pid === undefined || exited || !spec.namespaced) return killGroup();
      for (const pid of childrenOf(child.pid)) signal(pid);
      timers.push(setTimeout(killGroup, REAP_GRACE_MS));
    };
    const output = new OutputCollector(spec.maxOutputChars, spec.overflowBytes, () => {
      outputLimitKilled = true;
      stop();
    });

    const finish = (spawnError?: Error): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      child.stdout?.destroy();
      child.stderr?.destroy();
      const diag = diagnostics.text() + (spawnError ? `${spawnError.message}` : '');
      resolve({ exitCode, output: output.text(), timedOut, outputLimitKilled, diagnostics: diag.trim() });
    };

    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => diagnostics.push(chunk));
    child.on('error', (e) => {
      killGroup();
      finish(e);
    });
    child.on('exit', (code) => {
      exited = true;
      exitCode = code;
      killGroup();
      timers.push(setTimeout(() => finish(), PIPE_GRACE_MS));
    });
    child.on('close', () => finish());
    timers.push(
      setTimeout(() => {
        if (exited) return;
        timedOut = true;
        stop();
        timers.push(setTimeout(() => finish(), EXIT_GRACE_MS));
      }, spec.timeoutMs),
    );
  });
}

/** Pids of the direct children of `pid` (empty when it has none, has ended, or /proc lacks the list). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // ESRCH: already gone.
  }
}
