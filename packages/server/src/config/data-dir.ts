import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** What `secureDataDir` found and did. */
export interface DataDirReport {
  /** The folder did not exist and was created with mode 0700. */
  readonly created: boolean;
  /** Paths whose group/other permission bits were removed. */
  readonly tightened: readonly string[];
  /**
   * Of those, the ones other users could actually reach (every folder above them inside DATA_DIR
   * let them through): an older or hand-made DATA_DIR. Files the embedded database creates with
   * open modes inside the private folder are tightened but not exposed.
   */
  readonly exposed: readonly string[];
  /** Paths that are open to other users but not ours to change (owned by another user). */
  readonly stillOpen: readonly string[];
}

/**
 * Makes `dir` (DATA_DIR: the embedded database and the generated JWT secret) private to this
 * process's user: creates it with mode 0700 when missing; otherwise removes every group/other
 * permission bit from it and from everything below it that this user owns (symbolic links are
 * neither followed nor changed). Files created later stay private because the folder is 0700.
 * Paths owned by someone else are reported, not changed.
 */
export async function secureDataDir(dir: string): Promise<DataDirReport> {
  const existed = await lstat(dir).then(
    () => true,
    () => false,
  );
  if (!existed) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700); // mkdir's mode is filtered by the umask
    return { created: true, tightened: [], exposed: [], stillOpen: [] };
  }
  const tightened: string[] = [];
  const exposed: string[] = [];
  const stillOpen: string[] = [];
  const uid = process.getuid?.();
  const visit = async (path: string, reachable: boolean): Promise<void> => {
    const st = await lstat(path);
    if (st.isSymbolicLink()) return;
    const open = (st.mode & 0o077) !== 0;
    if (open) {
      if (uid === undefined || st.uid === uid || uid === 0) {
        await chmod(path, st.mode & 0o7700);
        tightened.push(path);
        if (reachable) exposed.push(path);
      } else stillOpen.push(path);
    }
    if (!st.isDirectory()) return;
    const through = reachable && (st.mode & 0o011) !== 0;
    for (const name of await readdir(path)) await visit(join(path, name), through);
  };
  await visit(dir, true);
  return { created: false, tightened, exposed, stillOpen };
}
