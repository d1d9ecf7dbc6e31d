import type { SandboxSpec } from './bwrap-args';
import { JOB_DIR } from './job-view';

/**
 * The set-up script of the `unshare(1)` sandbox, run as root of a fresh user namespace (mapped to
 * the job's uid on the host) inside new mount, PID, IPC, UTS and network namespaces. It builds a
 * new root on a tmpfs at `$1`: the host mounts (`ro:PATH` bound read-only, `cp:/etc/NAME` copied into
 * `/etc`, `ln:PATH=TARGET` links), `/dev/{null,zero,full,random,urandom}`, size-limited tmpfs `/tmp` and `/job` (the job's
 * files copied in; the writable folder bound back to the host), a `/proc` of the new PID
 * namespace; then `pivot_root`, detaches the old root, remounts the new one read-only and runs the
 * program as uid 1000 of a nested user namespace (so it holds no capability) with exactly the
 * environment given. Positional parameters: root, host job dir, tmpfs size in bytes, writable
 * folder (may be empty), mounts…, `--`, `NAME=value`…, argv… (`argv[0]` an absolute path).
 */
const SETUP = `set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
R=$1; H=$2; SIZE=$3; W=$4; shift 4
mount -t tmpfs -o size=4m,mode=0755 sandbox-root "$R"
cd "$R"
mkdir proc dev tmp job .old etc
COPY=
while [ "$1" != "--" ]; do
  case "$1" in
    ro:*) p=\${1#ro:}
      if [ -d "$p" ]; then mkdir -p ".$p"; else mkdir -p ".\${p%/*}"; : > ".$p"; fi
      mount --rbind -o ro "$p" ".$p" ;;
    cp:*) COPY="$COPY \${1#cp:}" ;;
    ln:*) s=\${1#ln:}; p=\${s%%=*}; mkdir -p ".\${p%/*}"; ln -s "\${s#*=}" ".$p" ;;
  esac
  shift
done
shift
if [ -n "$COPY" ]; then cp -R $COPY etc/; fi
for d in null zero full random urandom; do : > "dev/$d"; mount --bind "/dev/$d" "dev/$d"; done
ln -s /proc/self/fd dev/fd
mount -t tmpfs -o "size=$SIZE,mode=1777" sandbox-tmp tmp
mount -t tmpfs -o "size=$SIZE,mode=0755" sandbox-job job
cp -R "$H/." job/
if [ -n "$W" ]; then mount --bind "$H/$W" "job/$W"; fi
mount -t proc proc proc
pivot_root . .old
umount -l /.old
rmdir /.old
mount -o remount,bind,ro /
cd ${JOB_DIR}
exec unshare --user --map-user=1000 --map-group=1000 -- env -i "$@"`;

/** Namespaces of the outer `unshare`: a user namespace with root mapped to the caller, and the rest. */
const UNSHARE_FLAGS = ['--user', '--map-root-user', '--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', '--net', '--ipc', '--uts'];

/**
 * The argv (`unshare` first) that runs `spec.argv` in the `unshare(1)` fallback sandbox, with
 * `rootDir`, an empty host folder, as the mount point of the new root. Needs util-linux ≥ 2.38
 * (`--map-user`) and a kernel that allows unprivileged user namespaces.
 */
export function unshareArgv(spec: SandboxSpec, rootDir: string): string[] {
  const mounts = spec.mounts.map((m) => {
    if (m.kind === 'symlink') return `ln:${m.path}=${m.target}`;
    return m.small === true && m.path.startsWith('/etc/') && !m.path.slice(5).includes('/') ? `cp:${m.path}` : `ro:${m.path}`;
  });
  const env = Object.entries(spec.env).map(([k, v]) => `${k}=${v}`);
  return [
    'unshare',
    ...UNSHARE_FLAGS,
    '--',
    '/bin/sh',
    '-c',
    SETUP,
    'sandbox-setup',
    rootDir,
    spec.view.hostDir,
    String(spec.diskBytes),
    spec.view.writable ?? '',
    ...mounts,
    '--',
    ...env,
    ...spec.argv,
  ];
}
