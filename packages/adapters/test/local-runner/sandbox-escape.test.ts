import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Language, RunOutcome } from '@sooscode/domain';
import { LocalCodeRunner } from '../../src/local-runner/local-code-runner';
import { TRUNCATION_MARKER } from '../../src/compile-shared/output-collector';
import { attackPrograms, outcomes, type Attack, type Targets } from './escape-programs';

// The escape suite: real attack programs in every language, run through the local runner in each
// sandbox this machine offers, each asserting the concrete refusal. Under CI=true bubblewrap must be
// there (.ci/run installs it); the unshare fallback is skipped, with the reason, where the kernel
// does not allow unprivileged user namespaces.

const SECRET = `escape-secret-${process.pid}`;
const root = process.getuid?.() === 0;
const hasJava = spawnSync('javac', ['-version'], { stdio: 'ignore' }).status === 0;
const LANGS: Language[] = hasJava || process.env.CI === 'true' ? ['python', 'javascript', 'java'] : ['python', 'javascript'];
if (!LANGS.includes('java')) console.warn('[sandbox-escape] Java attacks skipped: javac is not installed');

let tempRoot: string;
let dataDir: string;
let otherJob: string;
let api: Server;
let apiConnections = 0;
let serverStandIn: ChildProcess;
let targets: Targets;

beforeAll(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'sooscode-escape-jobs-'));
  await chmod(tempRoot, 0o711);
  // World-readable on purpose: the sandbox, not file modes, must be what keeps these out of reach.
  dataDir = await mkdtemp(join(tmpdir(), 'sooscode-escape-data-'));
  await chmod(dataDir, 0o755);
  await writeFile(join(dataDir, 'jwt-secret'), SECRET, { mode: 0o644 });
  otherJob = join(tempRoot, 'sooscode-job-other');
  await mkdir(join(otherJob, 'files'), { recursive: true, mode: 0o755 });
  await writeFile(join(otherJob, 'files', 'main.py'), `print("${SECRET}")`, { mode: 0o644 });
  api = createServer((s) => {
    apiConnections++;
    s.end('reached\n');
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  serverStandIn = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  targets = { dataDir, otherJob, tempRoot, serverPid: serverStandIn.pid ?? 1, ports: [5432, 6379, (api.address() as { port: number }).port] };
});

afterAll(async () => {
  serverStandIn?.kill('SIGKILL');
  await new Promise((resolve) => api?.close(resolve));
  await rm(tempRoot, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

/** Live processes running as one of the runner's job uids (root only: the job uids are ours). */
async function jobProcesses(uidBase: number): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1] ?? -1);
    if (uid >= uidBase && uid < uidBase + 2) found.push(pid);
  }
  return found;
}

const refusedRead = { python: /^(FileNotFoundError)$/, java: /^(NoSuchFileException)$/, javascript: /^(ERR_ACCESS_DENIED|ENOENT)$/ };
const refusedWrite = {
  python: /^(OSError|FileNotFoundError|PermissionError)$/,
  java: /^(FileSystemException|NoSuchFileException|AccessDeniedException)$/,
  javascript: /^(ERR_ACCESS_DENIED|EROFS|ENOENT)$/,
};
const refusedConnect = { python: /^(ConnectionRefusedError|OSError|TimeoutError)$/, java: /^(ConnectException|NoRouteToHostException|SocketException|SocketTimeoutException)$/, javascript: /^(ECONNREFUSED|ENETUNREACH|TIMEOUT)$/ };

for (const kind of ['bwrap', 'unshare'] as const) {
  describe(`sandbox escape attempts under ${kind}`, () => {
    const uidBase = 63_000 + (process.pid % 500) * 4 + (kind === 'bwrap' ? 0 : 2);
    let runner: LocalCodeRunner;
    let patient: LocalCodeRunner;
    let available = false;
    let programs: ReturnType<typeof attackPrograms>;

    beforeAll(() => {
      runner = new LocalCodeRunner({ isolation: kind, tempRoot, runTimeoutMs: 4000, compileTimeoutMs: 15_000, maxOutputChars: 2000, limits: { uidBase } });
      patient = new LocalCodeRunner({ isolation: kind, tempRoot, runTimeoutMs: 30_000, compileTimeoutMs: 30_000, maxOutputChars: 2000, limits: { uidBase } });
      const isolation = runner.isolation();
      available = isolation.kind === kind;
      if (!available) {
        if (kind === 'bwrap' && process.env.CI === 'true') throw new Error(`bubblewrap is required under CI=true: ${isolation.detail}`);
        console.warn(`[sandbox-escape] ${kind} attacks skipped: ${isolation.detail}`);
      }
      programs = attackPrograms(targets);
    });

    /** Runs one attack; `endlessOutput` gets a 30 s limit so that only the output guard can stop it. */
    const attack = async (language: Language, which: Attack): Promise<RunOutcome> =>
      (which === 'endlessOutput' ? patient : runner).run({ jobId: `${kind}-${language}-${which}`, language, code: programs[language][which] });

    for (const language of LANGS) {
      describe(language, () => {
        it('cannot read /etc/shadow, DATA_DIR, another job, /root, /home or the server\'s /proc', async (ctx) => {
          if (!available) ctx.skip();
          const outcome = await attack(language, 'reads');
          expect(outcome.output).not.toContain(SECRET);
          const seen = outcomes(outcome.output);
          for (const label of ['shadow', 'datadir', 'otherjob', 'temproot', 'root', 'home', 'server-environ']) {
            expect({ label, outcome: seen.get(label) }).toEqual({ label, outcome: expect.stringMatching(refusedRead[language]) });
          }
          if (language === 'python') {
            expect(seen.get('proc1-environ')).not.toMatch(/SECRET|JWT|DATABASE/);
            const top = (seen.get('root-listing') ?? '').split(',');
            const allowed = new Set(['bin', 'dev', 'etc', 'job', 'lib', 'lib32', 'lib64', 'libx32', 'proc', 'sbin', 'tmp', 'usr', process.execPath.split('/')[1]]);
            expect(top.filter((name) => !allowed.has(name))).toEqual([]);
            expect(seen.get('job-listing')).toBe('main.py');
          }
        });

        it('cannot write outside its job folder, but can write inside it', async (ctx) => {
          if (!available) ctx.skip();
          const seen = outcomes((await attack(language, 'writes')).output);
          for (const label of ['usr', 'etc', 'rootdir', 'temproot', 'datadir']) {
            expect({ label, outcome: seen.get(label) }).toEqual({ label, outcome: expect.stringMatching(refusedWrite[language]) });
          }
          if (language !== 'javascript') expect(seen.get('job')).toBe('ok');
          expect(existsSync(join(tempRoot, 'evil'))).toBe(false);
          expect(existsSync(join(dataDir, 'evil'))).toBe(false);
        });

        it('cannot connect to Postgres, Redis or the API on loopback', async (ctx) => {
          if (!available) ctx.skip();
          const before = apiConnections;
          const seen = outcomes((await attack(language, 'network')).output);
          for (const port of targets.ports) {
            expect({ port, outcome: seen.get(String(port)) }).toEqual({ port, outcome: expect.stringMatching(refusedConnect[language]) });
          }
          expect(apiConnections).toBe(before);
        });

        it('contains a fork bomb and leaves no process behind', async (ctx) => {
          if (!available) ctx.skip();
          const outcome = await attack(language, 'forkBomb');
          if (language === 'python') expect(outcome.output).toMatch(/TIMEOUT: 실행 시간이 초과되었습니다\. \(4초\)$/);
          if (language === 'java') {
            // The JVM itself may fail to start a thread once the job is at its process limit.
            const started = /^started (\d+) failures \d+$/m.exec(outcome.output)?.[1];
            if (started === undefined) expect(outcome.output).toMatch(/Failed to start thread|unable to create native thread/);
            else expect(Number(started)).toBeLessThan(64);
          }
          if (language === 'javascript') expect(outcome.output).toMatch(/^fork ERR_ACCESS_DENIED\n$/);
          if (root) await vi.waitFor(async () => expect(await jobProcesses(uidBase)).toEqual([]), { timeout: 3000 });
          await expect(runner.run({ jobId: 'after-bomb', language: 'python', code: 'print("still here")' })).resolves.toEqual({ status: 'SUCCESS', output: 'still here\n' });
        });

        it('runs out of memory at its address-space limit', async (ctx) => {
          if (!available) ctx.skip();
          const outcome = await attack(language, 'memoryBomb');
          if (language === 'python') expect(Number(/^memory MemoryError (\d+)$/m.exec(outcome.output)?.[1])).toBeLessThanOrEqual(8); // 512 MiB / 64 MiB
          if (language === 'java') expect(outcome.output).toMatch(/^memory OutOfMemoryError \d\n$/);
          if (language === 'javascript') {
            // Buffers live outside V8's heap: the 4 GiB address-space cap stops them (a RangeError, or V8 aborts).
            const chunks = Number(/^memory \S+ (\d+)$/m.exec(outcome.output)?.[1] ?? 0);
            expect(outcome.status === 'FAIL' || chunks < 64).toBe(true);
          }
        });

        it('fills only its own size-limited /job and /tmp', async (ctx) => {
          if (!available) ctx.skip();
          const seen = outcomes((await attack(language, 'fillDisk')).output);
          if (language === 'javascript') {
            expect(seen.get('job')).toMatch(/^(ERR_ACCESS_DENIED|ENOSPC|EFBIG)$/);
            return;
          }
          for (const label of ['job', 'tmp']) {
            const line = seen.get(label) ?? '';
            expect({ label, line }).toEqual({ label, line: expect.stringMatching(/^(ENOSPC|No space left on device) MiB \d+$/) });
            expect(Number(line.split(' ').pop())).toBeLessThanOrEqual(64);
          }
        });

        it('leaves no sleeping child behind when it ends', async (ctx) => {
          if (!available) ctx.skip();
          const outcome = await attack(language, 'sleepingChild');
          if (language === 'javascript') expect(outcome.output).toBe('child ERR_ACCESS_DENIED\n');
          else expect(outcome).toEqual({ status: 'SUCCESS', output: 'parent done\n' });
          if (root) await vi.waitFor(async () => expect(await jobProcesses(uidBase)).toEqual([]), { timeout: 3000 });
        });

        it('is cut off after endless output', async (ctx) => {
          if (!available) ctx.skip();
          const outcome = await attack(language, 'endlessOutput');
          expect(outcome.status).toBe('FAIL');
          expect(outcome.output.endsWith(TRUNCATION_MARKER)).toBe(true);
          expect(outcome.output.length).toBe(2000 + TRUNCATION_MARKER.length);
        });

        it('cannot signal the server', async (ctx) => {
          if (!available) ctx.skip();
          const seen = outcomes((await attack(language, 'signals')).output);
          expect(seen.get('server')).toMatch(/^(ProcessLookupError|ESRCH)$/);
          expect(serverStandIn.exitCode).toBeNull();
          expect(serverStandIn.signalCode).toBeNull();
          expect(process.kill(serverStandIn.pid ?? -1, 0)).toBe(true);
        });
      });
    }
  });
}
