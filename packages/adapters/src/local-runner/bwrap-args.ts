import { join } from 'node:path';
import type { HostMount } from './sandbox-filesystem';
import { JOB_DIR, JOB_TMP, type JobView } from './job-view';

/** What a bubblewrap sandbox is built from. */
export interface SandboxSpec {
  /** The read-only view of the host (see `hostView`). */
  readonly mounts: readonly HostMount[];
  /** The job's files. */
  readonly view: JobView;
  /** The program's whole environment. */
  readonly env: Readonly<Record<string, string>>;
  /** Size of each of the job's tmpfs folders (`/job`, `/tmp`), bytes. */
  readonly diskBytes: number;
  /** The command to run inside, an absolute path first. */
  readonly argv: readonly string[];
}

/**
 * The arguments of `bwrap` (bubblewrap ≥ 0.8) for one step: new user, PID, IPC, UTS, network and
 * cgroup namespaces, no further user namespaces, a new session (no terminal injection), killed with
 * its parent; a read-only root holding only `spec.mounts`, a private `/proc` of the new PID
 * namespace, a minimal `/dev`, size-limited tmpfs `/tmp` and `/job` (the job's files bound
 * read-only into it, the writable folder bound writable), the root remounted read-only, and an
 * environment of exactly `spec.env`. bwrap runs unprivileged (as the job's uid), so the program
 * holds no capability on the host.
 */
export function bwrapArgs(spec: SandboxSpec): string[] {
  const args = [
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--die-with-parent',
    '--new-session',
    '--hostname',
    'sandbox',
    '--clearenv',
  ];
  for (const [name, value] of Object.entries(spec.env)) args.push('--setenv', name, value);
  for (const m of spec.mounts) {
    if (m.kind === 'symlink') args.push('--symlink', m.target, m.path);
    else args.push('--ro-bind', m.path, m.path);
  }
  args.push('--proc', '/proc', '--dev', '/dev');
  const size = String(spec.diskBytes);
  args.push('--perms', '1777', '--size', size, '--tmpfs', JOB_TMP);
  args.push('--perms', '0755', '--size', size, '--tmpfs', JOB_DIR);
  const { hostDir, files, writable } = spec.view;
  for (const file of files) {
    if (writable !== undefined && file.startsWith(`${writable}/`)) continue;
    args.push('--ro-bind', join(hostDir, file), `${JOB_DIR}/${file}`);
  }
  if (writable !== undefined) args.push('--bind', join(hostDir, writable), `${JOB_DIR}/${writable}`);
  args.push('--remount-ro', '/', '--chdir', JOB_DIR, '--', ...spec.argv);
  return args;
}
