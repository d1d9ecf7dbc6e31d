import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CodeRunnerBusyError, CodeRunnerUnavailableError, type Language } from '@sooscode/domain';
import { LocalCodeRunner, type LocalCodeRunnerOptions } from '../../src/local-runner/local-code-runner';
import { TRUNCATION_MARKER } from '../../src/compile-shared/output-collector';

const hasJavac = spawnSync('javac', ['-version'], { stdio: 'ignore' }).status === 0;
const skipJava = !hasJavac && process.env.CI !== 'true';
if (skipJava) console.warn('[local-runner] Java tests skipped: javac is not installed (Debian: openjdk-17-jdk-headless)');

let tempRoot: string;
let counter = 0;
const job = (language: Language, code: string) => ({ jobId: `job-${++counter}`, language, code });

function runner(options: LocalCodeRunnerOptions = {}): LocalCodeRunner {
  return new LocalCodeRunner({ tempRoot, runTimeoutMs: 4000, ...options, limits: { uidBase: UID_BASE, ...options.limits } });
}

/** This file's own job uids (as root), so that jobs of other test files running at once do not count. */
const UID_BASE = 62_000 + (process.pid % 1000) * 8;

/**
 * Pids of live job processes of this file: as root, those running as one of its job uids; else
 * those whose environment points HOME at a job folder (the sandbox's `/job`, or one in our temp root).
 */
async function jobProcesses(): Promise<string[]> {
  const root = process.getuid?.() === 0;
  const found: string[] = [];
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    if (root) {
      const uid = Number(/^Uid:\s+(\d+)/m.exec(await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''))?.[1] ?? -1);
      if (uid >= UID_BASE && uid < UID_BASE + 8) found.push(pid);
      continue;
    }
    const env = await readFile(`/proc/${pid}/environ`, 'latin1').catch(() => '');
    if (env.includes('HOME=/job\0') || env.includes(`HOME=${tempRoot}/`)) found.push(pid);
  }
  return found;
}

beforeAll(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'sooscode-runner-test-'));
  await chmod(tempRoot, 0o711); // job users (when running as root) must be able to traverse it
});

afterEach(async () => {
  expect(await readdir(tempRoot)).toEqual([]);
});

afterAll(async () => {
  await rm(tempRoot, { recursive: true, force: true });
});

describe.skipIf(skipJava)('LocalCodeRunner: Java', () => {
  const r = () => runner();

  it('compiles and runs hello world', async () => {
    const code = 'public class Main { public static void main(String[] a) { System.out.println("Hello, SoosCode"); } }';
    await expect(r().run(job('java', code))).resolves.toEqual({ status: 'SUCCESS', output: 'Hello, SoosCode\n' });
  });

  it('names the file after the class that declares main', async () => {
    const code = [
      'class Helper { static String hi() { return "안녕"; } }',
      'public class Greeter {',
      '  static class Inner { }',
      '  public static void main(String[] args) { System.out.println(Helper.hi()); }',
      '}',
    ].join('\n');
    await expect(r().run(job('java', code))).resolves.toEqual({ status: 'SUCCESS', output: '안녕\n' });
  });

  it('returns a compile error as FAIL', async () => {
    const outcome = await r().run(job('java', 'public class Main { public static void main(String[] a) { int x = "s"; } }'));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.output).toMatch(/^Compile Error: /);
    expect(outcome.output).toContain('error');
  });

  it('returns an uncaught exception as FAIL with the stack trace', async () => {
    const outcome = await r().run(job('java', 'public class Main { public static void main(String[] a) { System.out.println("before"); throw new IllegalStateException("bad"); } }'));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.output).toContain('before\n');
    expect(outcome.output).toContain('IllegalStateException: bad');
  });
});

describe('LocalCodeRunner: Python and JavaScript', () => {
  it('runs Python hello world', async () => {
    await expect(runner().run(job('python', 'print("Hello, SoosCode")'))).resolves.toEqual({ status: 'SUCCESS', output: 'Hello, SoosCode\n' });
  });

  it('runs JavaScript hello world', async () => {
    await expect(runner().run(job('javascript', 'console.log("Hello, SoosCode")'))).resolves.toEqual({ status: 'SUCCESS', output: 'Hello, SoosCode\n' });
  });

  it('interleaves stdout and stderr in order and reports a non-zero exit as FAIL', async () => {
    const outcome = await runner().run(job('python', 'import sys\nprint("one")\nprint("two", file=sys.stderr)\nprint("three")\nsys.exit(3)'));
    expect(outcome).toEqual({ status: 'FAIL', output: 'one\ntwo\nthree\n' });
  });

  it('kills an endless loop at the configured limit', async () => {
    const outcome = await runner({ runTimeoutMs: 1500 }).run(job('python', 'print("start")\nwhile True:\n    pass'));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.output).toBe('start\nTIMEOUT: 실행 시간이 초과되었습니다. (1.5초)');
    await vi.waitFor(async () => expect(await jobProcesses()).toEqual([]));
  });

  it('contains a fork bomb and leaves no process behind', async () => {
    const bomb = [
      'import os, time',
      'while True:',
      '    try:',
      '        os.fork()',
      '    except OSError:',
      '        time.sleep(0.01)',
    ].join('\n');
    const r = runner({ runTimeoutMs: 1000 });
    const outcome = await r.run(job('python', bomb));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.output).toMatch(/TIMEOUT: 실행 시간이 초과되었습니다\. \(1초\)$/);
    await vi.waitFor(async () => expect(await jobProcesses()).toEqual([]), { timeout: 3000 });
  });

  it('kills background processes that left the process group', async () => {
    const code = [
      'import os, time',
      'for _ in range(3):',
      '    if os.fork() == 0:',
      '        os.setsid()',
      '        time.sleep(30)',
      '        os._exit(0)',
      'print("parent done")',
    ].join('\n');
    await expect(runner().run(job('python', code))).resolves.toEqual({ status: 'SUCCESS', output: 'parent done\n' });
    await vi.waitFor(async () => expect(await jobProcesses()).toEqual([]), { timeout: 3000 });
  });

  it('with isolation opted out (none), as root, still contains a fork bomb and kills escaped processes', async (ctx) => {
    if (process.getuid?.() !== 0) ctx.skip();
    const r = runner({ isolation: 'none', runTimeoutMs: 1000 });
    expect(r.isolation()).toMatchObject({ kind: 'none', network: false, processLimit: true });
    const escape = 'import os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(30)\nprint("done")';
    await expect(r.run(job('python', escape))).resolves.toEqual({ status: 'SUCCESS', output: 'done\n' });
    await vi.waitFor(async () => expect(await jobProcesses()).toEqual([]), { timeout: 3000 });
    const bomb = 'import os, time\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        time.sleep(0.01)';
    expect((await r.run(job('python', bomb))).output).toMatch(/TIMEOUT/);
    await vi.waitFor(async () => expect(await jobProcesses()).toEqual([]), { timeout: 3000 });
  });

  it('refuses every job, saying what to install, when no sandbox can be built and none was waived', async (ctx) => {
    // A PATH without bwrap or unshare: the only tools are the rlimit helpers and Python.
    const bin = join(tempRoot, '..', `${tempRoot.split('/').pop() ?? 'x'}-bin`);
    await mkdir(bin, { recursive: true, mode: 0o755 });
    for (const tool of ['setpriv', 'prlimit', 'python3']) {
      const target = ['/usr/local/bin', '/usr/bin', '/bin'].map((d) => join(d, tool)).find((f) => existsSync(f));
      if (!target) ctx.skip();
      await symlink(target as string, join(bin, tool)).catch(() => undefined);
    }
    try {
      const r = runner({ path: bin });
      const isolation = r.isolation();
      expect(isolation).toMatchObject({ kind: 'unavailable', network: false, processLimit: false });
      expect(isolation.detail).toContain('bubblewrap');
      expect(isolation.detail).toContain('COMPILE_LOCAL_ISOLATION=none');
      await expect(r.run(job('python', 'print(1)'))).rejects.toBeInstanceOf(CodeRunnerUnavailableError);
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });

  it('caps the number of processes a job can start', async (ctx) => {
    const r = runner({ limits: { maxProcesses: 32 } });
    if (!r.isolation().processLimit) ctx.skip();
    const code = [
      'import os, time',
      'n = 0',
      'try:',
      '    for _ in range(1000):',
      '        if os.fork() == 0:',
      '            time.sleep(30)',
      '            os._exit(0)',
      '        n += 1',
      'except OSError:',
      '    pass',
      'print(n)',
    ].join('\n');
    const outcome = await r.run(job('python', code));
    expect(outcome.status).toBe('SUCCESS');
    expect(Number(outcome.output)).toBeLessThan(32);
    await vi.waitFor(async () => expect(await jobProcesses()).toEqual([]), { timeout: 3000 });
  });

  it('does not let JavaScript start child processes when the permission model is available', async () => {
    const code = 'try { require("child_process").spawnSync("sh", ["-c", "echo spawned"]); console.log("allowed"); } catch (e) { console.log(e.code); }';
    const outcome = await runner().run(job('javascript', code));
    const hasPermissionModel = process.allowedNodeEnvironmentFlags.has('--experimental-permission') || process.allowedNodeEnvironmentFlags.has('--permission');
    expect(outcome.output).toBe(hasPermissionModel ? 'ERR_ACCESS_DENIED\n' : 'allowed\n');
  });

  it('truncates endless output while reading and stops the program', async () => {
    const r = runner({ maxOutputChars: 1000, runTimeoutMs: 20_000 });
    const outcome = await r.run(job('python', 'while True:\n    print("x" * 99)'));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.output.length).toBe(1000 + TRUNCATION_MARKER.length);
    expect(outcome.output.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(outcome.output).not.toContain('TIMEOUT'); // ended by the output guard, not the 20 s limit
  });

  it('does not leak the API environment into the program', async () => {
    const previous = process.env.JWT_SECRET;
    process.env.JWT_SECRET = 'leak-7f3a';
    try {
      const outcome = await runner().run(job('python', 'import os\nfor k, v in sorted(os.environ.items()):\n    print(k + "=" + v)'));
      expect(outcome.status).toBe('SUCCESS');
      expect(outcome.output).not.toContain('leak-7f3a');
      expect(outcome.output).not.toContain('JWT_SECRET');
      expect(outcome.output).toContain('LANG=C.UTF-8');
      expect(outcome.output).toContain('HOME=/job\n');
      expect(outcome.output).toContain('TMPDIR=/tmp\n');
    } finally {
      if (previous === undefined) delete process.env.JWT_SECRET;
      else process.env.JWT_SECRET = previous;
    }
  });

  it('cuts the program off from the network when isolation reports it', async (ctx) => {
    const r = runner();
    if (!r.isolation().network) ctx.skip();
    const server: Server = createServer((s) => s.end('reached\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const code = `import socket\ntry:\n    print(socket.create_connection(("127.0.0.1", ${port}), timeout=1).recv(64).decode(), end="")\nexcept OSError as e:\n    print("blocked")`;
      await expect(r.run(job('python', code))).resolves.toEqual({ status: 'SUCCESS', output: 'blocked\n' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('rejects with CodeRunnerBusyError when the queue is full', async () => {
    const r = runner({ concurrency: 1, maxQueued: 1, runTimeoutMs: 1000 });
    const first = r.run(job('javascript', 'for (;;) {}'));
    const second = r.run(job('javascript', 'console.log(2)'));
    await expect(r.run(job('javascript', 'console.log(3)'))).rejects.toBeInstanceOf(CodeRunnerBusyError);
    expect((await first).status).toBe('FAIL');
    await expect(second).resolves.toEqual({ status: 'SUCCESS', output: '2\n' });
  });

  it('removes the job directory even when the program locks its own files', async () => {
    const code = 'import os\nos.makedirs("a/b")\nwith open("a/b/f", "w") as f:\n    f.write("x")\nos.chmod("a/b", 0)\nos.chmod("a", 0)\nprint("locked")';
    await expect(runner().run(job('python', code))).resolves.toEqual({ status: 'SUCCESS', output: 'locked\n' });
    // afterEach asserts that the temp root is empty
  });

  it('reports a missing toolchain as ERROR', async () => {
    const outcome = await runner({ commands: { python: 'no-such-python-3' } }).run(job('python', 'print(1)'));
    expect(outcome).toEqual({ status: 'ERROR', output: '' });
  });
});
