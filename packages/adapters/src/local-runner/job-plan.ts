import type { Language } from '@sooscode/domain';
import { javaEntryClass } from './java-entry-class';

/** Executables the runner starts, resolved against the job's minimal `PATH`. */
export interface Toolchain {
  readonly javac: string;
  readonly java: string;
  readonly python: string;
  /** Always the Node.js running the API (`process.execPath`), so its flags are known. */
  readonly node: string;
}

/** One process of a job. */
export interface JobStep {
  /** `compile` failures are reported as `Compile Error: …`. */
  readonly kind: 'compile' | 'run';
  readonly argv: string[];
  /** Virtual memory cap (RLIMIT_AS), bytes. */
  readonly addressSpaceBytes: number;
}

/** What to write and what to run for one job. */
export interface JobPlan {
  /** File name of the source inside the job directory. */
  readonly fileName: string;
  readonly steps: JobStep[];
}

/** Folder of the job directory a `compile` step writes into (and the `run` step reads). */
export const OUTPUT_DIR = 'out';

/** The job's folders as the program sees them. */
export interface JobDirs {
  /** The job directory (the working directory of every step). */
  readonly dir: string;
  /** The job's temporary folder. */
  readonly tmp: string;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** JVM flags shared by javac and java: few threads, no perf-data files, temporary files in `tmp`. */
function jvmFlags(tmp: string): string[] {
  return [
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:ActiveProcessorCount=1',
    '-XX:-UsePerfData',
    '-XX:CompressedClassSpaceSize=64m',
    '-XX:ReservedCodeCacheSize=32m',
    `-Djava.io.tmpdir=${tmp}`,
  ];
}

/** Flags of the Node.js permission model when this Node.js has it (no fs outside the script, no child processes, no workers). */
function nodePermissionFlags(script: string): string[] {
  const flags = process.allowedNodeEnvironmentFlags;
  const permission = flags.has('--permission') ? '--permission' : flags.has('--experimental-permission') ? '--experimental-permission' : undefined;
  if (!permission) return [];
  const quiet = flags.has('--disable-warning') ? '--disable-warning=ExperimentalWarning' : '--no-warnings';
  return [permission, `--allow-fs-read=${script}`, quiet];
}

/** Builds the plan of a job whose folders are `dirs`. */
export function planJob(language: Language, code: string, dirs: JobDirs, tools: Toolchain): JobPlan {
  switch (language) {
    case 'java': {
      const entry = javaEntryClass(code);
      const fileName = `${entry.simpleName}.java`;
      return {
        fileName,
        steps: [
          {
            kind: 'compile',
            argv: [tools.javac, ...jvmFlags(dirs.tmp).map((f) => `-J${f}`), '-J-Xmx256m', '-encoding', 'UTF-8', '-d', OUTPUT_DIR, fileName],
            addressSpaceBytes: 3 * GiB,
          },
          {
            kind: 'run',
            argv: [
              tools.java,
              ...jvmFlags(dirs.tmp),
              '-Xmx128m',
              '-Dfile.encoding=UTF-8',
              '-Dsun.stdout.encoding=UTF-8',
              '-Dsun.stderr.encoding=UTF-8',
              '-cp',
              OUTPUT_DIR,
              entry.qualifiedName,
            ],
            addressSpaceBytes: 3 * GiB,
          },
        ],
      };
    }
    case 'python':
      return {
        fileName: 'main.py',
        steps: [{ kind: 'run', argv: [tools.python, '-I', '-S', '-B', '-u', 'main.py'], addressSpaceBytes: 512 * MiB }],
      };
    case 'javascript': {
      const script = `${dirs.dir}/main.js`;
      return {
        fileName: 'main.js',
        steps: [
          {
            kind: 'run',
            argv: [tools.node, ...nodePermissionFlags(script), '--max-old-space-size=128', script],
            addressSpaceBytes: 4 * GiB,
          },
        ],
      };
    }
  }
}
