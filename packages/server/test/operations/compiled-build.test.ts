import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const run = promisify(execFile);

/** Spawns a compiled entry with plain Node (no tsx, no loader) and resolves the URL it logs. */
async function startCompiled(entry: string, env: Record<string, string>): Promise<{ url: string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [join(ROOT, entry)], { env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = () => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out)?.[1];
  await expect.poll(() => url() ?? (child.exitCode !== null ? `exited: ${out}` : undefined), { timeout: 60_000, interval: 100 }).toMatch(/^http:/);
  return {
    url: url()!,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('the compiled build (pnpm build)', () => {
  let dataDir: string;
  beforeAll(async () => {
    await run(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT });
    dataDir = await mkdtemp(join(tmpdir(), 'sooscode-compiled-'));
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('emits plain ESM JavaScript that imports no TypeScript and no tsx', async () => {
    for (const pkg of ['domain', 'adapters', 'server']) {
      const dir = join(ROOT, 'packages', pkg, 'dist');
      const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        const text = await readFile(join(dir, file), 'utf8');
        expect([file, /from\s+["'][^"']*\.ts["']|["']tsx["']|@sooscode\//.test(text)]).toEqual([file, false]);
      }
    }
  });

  it('serves the API from packages/server/dist/main.js with plain node, and stops on SIGTERM', async () => {
    const api = await startCompiled('packages/server/dist/main.js', { PORT: '0', DATA_DIR: dataDir });
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'student1@sooscode.local', password: 'Student1!' }) });
    expect(login.status).toBe(200);
    expect(await api.stop()).toBe(0);
  });

  it('runs the worker and the migrate command from dist', async () => {
    const worker = await startCompiled('packages/server/dist/worker-main.js', { WORKER_PORT: '0', COMPILE_LANGUAGES: 'javascript', COMPILE_LOCAL_ISOLATION: 'none' });
    expect((await fetch(`${worker.url}/api/compile/result/9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10`)).status).toBe(200);
    expect(await worker.stop()).toBe(0);
    const status = await run(process.execPath, [join(ROOT, 'packages/server/dist/migrate-main.js'), 'status'], { env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir } });
    expect(status.stdout).toMatch(/^applied {2}Identity\d+$/m);
  });
});
