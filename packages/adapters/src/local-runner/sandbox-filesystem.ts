import { accessSync, constants, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, sep } from 'node:path';

/** One entry of the read-only view of the host a sandboxed job sees. */
export type HostMount =
  /**
   * `path` of the host, bound read-only at the same path; `small` entries (a few kilobytes of
   * configuration) may be copied instead, which is cheaper where each mount costs a process.
   */
  | { readonly kind: 'ro-bind'; readonly path: string; readonly small?: boolean }
  /** A symbolic link at `path` pointing to `target` (merged-`/usr` layouts: `/bin` → `usr/bin`). */
  | { readonly kind: 'symlink'; readonly path: string; readonly target: string };

/** Top-level directories that hold programs and libraries; each is bound or linked when present. */
const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

/**
 * Files and folders of `/etc` the toolchains need: the dynamic linker's cache, the Debian
 * `alternatives` links (`/usr/bin/java` → `/etc/alternatives/java`), time zone data and the JDK's
 * configuration (`/etc/java-*`, linked from the JDK's `conf`). Nothing else of `/etc` (no
 * `shadow`, `passwd`, service configuration or keys) is visible.
 */
const ETC_ENTRIES = ['ld.so.cache', 'ld.so.conf', 'ld.so.conf.d', 'alternatives', 'localtime', 'timezone'];

/**
 * The read-only part of a job's filesystem: the system program and library folders, the few
 * `/etc` entries of `ETC_ENTRIES` plus `/etc/java*`, and the installation folder of each
 * toolchain executable that lives outside them (for example a Node.js under `/opt/node`: its prefix,
 * the folder above its `bin`, is bound) when other users can reach it (the sandbox is built by the
 * job's unprivileged user; a toolchain under `/root` cannot be bound and that language fails with
 * "command not found"). `tools` are absolute paths.
 */
export function hostView(tools: readonly string[]): HostMount[] {
  const mounts: HostMount[] = [];
  for (const dir of SYSTEM_DIRS) {
    const kind = entryKind(dir);
    if (kind === 'symlink') mounts.push({ kind: 'symlink', path: dir, target: readlinkSync(dir) });
    else if (kind === 'dir') mounts.push({ kind: 'ro-bind', path: dir });
  }
  const etc = [...ETC_ENTRIES, ...safeReaddir('/etc').filter((name) => /^java/.test(name))];
  for (const name of etc) {
    if (entryKind(join('/etc', name)) !== 'missing') mounts.push({ kind: 'ro-bind', path: join('/etc', name), small: true });
  }
  const covered = (path: string) => mounts.some((m) => path === m.path || path.startsWith(m.path + sep));
  for (const tool of tools) {
    let real: string;
    try {
      real = realpathSync(tool);
    } catch {
      continue; // a missing toolchain is reported when a job needs it
    }
    if (covered(real)) continue;
    const prefix = dirname(dirname(real));
    if (prefix !== '/' && !covered(prefix) && reachableByOthers(prefix)) mounts.push({ kind: 'ro-bind', path: prefix });
  }
  return mounts;
}

/** Resolves `command` to an absolute path on `path` (a `PATH` value); `undefined` when not found. */
export function resolveCommand(command: string, path: string): string | undefined {
  if (isAbsolute(command)) return isExecutable(command) ? command : undefined;
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** True when every folder from `/` down to `dir` lets other users in (o+x), and `dir` lets them list it. */
function reachableByOthers(dir: string): boolean {
  const parts = dir.split('/').filter(Boolean);
  try {
    for (let i = 1; i <= parts.length; i++) {
      const mode = statSync(`/${parts.slice(0, i).join('/')}`).mode;
      if ((mode & 0o001) === 0 || (i === parts.length && (mode & 0o004) === 0)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function entryKind(path: string): 'symlink' | 'dir' | 'file' | 'missing' {
  try {
    const st = lstatSync(path);
    return st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
