import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a sandboxed job's own directory is, as the program sees it. */
export const JOB_DIR = '/job';
/** The job's private temporary folder, as the program sees it. */
export const JOB_TMP = '/tmp';
/** Most files of a job placed in its sandbox (sources and compiled classes). */
export const MAX_JOB_FILES = 1000;

/**
 * What one sandboxed step sees of its job: a fresh, size-limited `/job` holding the files of
 * `hostDir` (read-only), plus `writable`, a folder of `hostDir` bound writable at the same place
 * under `/job` (the compiler's output, kept for the next step). Nothing a program writes
 * elsewhere in `/job` or `/tmp` outlives its step or reaches the host's disk.
 */
export interface JobView {
  readonly hostDir: string;
  /** Paths of the regular files below `hostDir`, relative, `/`-separated. */
  readonly files: readonly string[];
  /** A folder of `hostDir` (relative) that stays writable, or `undefined`. */
  readonly writable?: string;
}

/** Thrown when a job's directory holds more than `MAX_JOB_FILES` files. */
export class TooManyJobFilesError extends Error {
  constructor() {
    super(`a job may hold at most ${MAX_JOB_FILES} files`);
    this.name = 'TooManyJobFilesError';
  }
}

/**
 * Lists the regular files below `hostDir` (relative paths). Symbolic links and special files are
 * skipped, never followed; `writable` and what is inside it are listed like any other folder.
 */
export async function listJobFiles(hostDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const name of await readdir(join(hostDir, rel))) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const st = await lstat(join(hostDir, path));
      if (st.isDirectory()) await walk(path);
      else if (st.isFile()) {
        found.push(path);
        if (found.length > MAX_JOB_FILES) throw new TooManyJobFilesError();
      }
    }
  };
  await walk('');
  return found;
}
