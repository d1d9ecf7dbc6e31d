import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64, startCompileServer, type CompileServer } from './compile-server';
import { RecordingLogger } from './recording-logger';

// End to end, as in the reported escape: a logged-in student on the embedded start (PGlite in
// DATA_DIR, local runner) gets past the Python blacklist and tries to read the server's files.
describe('POST /api/compile/run on the embedded start: the sandbox is the boundary, not the blacklist', () => {
  let api: CompileServer;
  let dataDir: string;
  const logger = new RecordingLogger();
  beforeAll(async () => {
    api = await startCompileServer({
      logger,
      embedded: true,
      env: { COMPILE_LANGUAGES: 'python', COMPILE_COOLDOWN_S: '0', COMPILE_DEADLINE_MS: '20000' },
    });
    dataDir = api.server.settings.dataDir;
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('keeps DATA_DIR, the embedded database and the root folder out of the program\'s reach', async () => {
    const code = [
      'b = globals()["__builtins__"]',
      'o = getattr(b, "op" + "en")',
      'm = getattr(b, "__imp" + "ort__")("o" + "s")',
      'def probe(label, fn):',
      '    try:',
      '        print(label, "OPEN", fn())',
      '    except Exception as e:',
      '        print(label, type(e).__name__)',
      `probe("datadir", lambda: m.listdir(${JSON.stringify(dataDir)}))`,
      `probe("pgdata", lambda: o(${JSON.stringify(`${dataDir}/pgdata/PG_VERSION`)}).read())`,
      'probe("tmp", lambda: m.listdir("/tmp"))',
      'probe("shadow", lambda: o("/etc/shadow").read())',
      'probe("environ", lambda: o("/proc/1/environ").read().count("JWT"))',
      'print("root", sorted(m.listdir("/")))',
    ].join('\n');
    const { headers } = await api.newUser();
    const r = await api.run(headers, { code: b64(code), language: 'python' });
    expect(r.status).toBe(200);
    const data = r.body.data as { status: string; output: string };
    expect(data.status).toBe('SUCCESS');
    const lines = data.output.trim().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'datadir FileNotFoundError',
      'pgdata FileNotFoundError',
      'tmp OPEN []',
      'shadow FileNotFoundError',
      'environ OPEN 0',
      expect.stringMatching(/^root \['bin', 'dev', 'etc', 'job', /),
    ]);
    expect(lines[5]).not.toMatch(/'(home|root|work|var|opt|data)'/);
  });

  it('keeps DATA_DIR private to the server\'s user (mode 0700)', async () => {
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('says at start-up which sandbox is in use', () => {
    expect(logger.entries.some((e) => e.level === 'info' && /^local compile runner sandbox: (bwrap|unshare) /.test(e.msg ?? ''))).toBe(true);
  });
});
