import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const API_MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** An API server running as its own process (`main.ts` through tsx), as an operator starts it. */
export interface ApiProcess {
  readonly child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves the listening URL from the start-up log line (LOG_LEVEL must be info or lower). */
  url(timeoutMs?: number): Promise<string>;
  /** Resolves the exit code. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<number | null>;
}

/** Spawns the API entry point with `env` added to this process's environment (PORT 0 unless given). */
export function spawnApiProcess(env: Record<string, string>): ApiProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', API_MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = () => /"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*SoosCode API listening/.exec(out)?.[1];
  return {
    child,
    output: () => out,
    exited,
    async url(timeoutMs = 60_000) {
      await expect.poll(() => listening() ?? (child.exitCode !== null ? `exited ${child.exitCode}: ${out}` : undefined), { timeout: timeoutMs, interval: 100 }).toMatch(/^http:/);
      return listening()!;
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      const code = await exited;
      clearTimeout(kill);
      return code;
    },
  };
}
