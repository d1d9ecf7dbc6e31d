import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secureDataDir } from '../../src/config/data-dir';

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('secureDataDir', () => {
  let parent: string;
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'sooscode-datadir-'));
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('creates a missing DATA_DIR with mode 0700, whatever the umask', async () => {
    const dir = join(parent, 'a', 'data');
    const report = await secureDataDir(dir);
    expect(report).toEqual({ created: true, tightened: [], exposed: [], stillOpen: [] });
    expect(await mode(dir)).toBe(0o700);
  });

  it('takes group and other access away from an existing, too open DATA_DIR and everything in it', async () => {
    const dir = join(parent, 'data');
    await mkdir(join(dir, 'pgdata', 'base'), { recursive: true });
    await writeFile(join(dir, 'jwt-secret'), 'x');
    await writeFile(join(dir, 'pgdata', 'base', '1'), 'y');
    for (const p of [dir, join(dir, 'pgdata'), join(dir, 'pgdata', 'base')]) await chmod(p, 0o777);
    for (const p of [join(dir, 'jwt-secret'), join(dir, 'pgdata', 'base', '1')]) await chmod(p, 0o666);
    await symlink('/etc/passwd', join(dir, 'link'));
    const report = await secureDataDir(dir);
    expect(report.tightened).toHaveLength(5);
    expect(report.exposed).toHaveLength(5);
    expect(report.stillOpen).toEqual([]);
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(join(dir, 'pgdata', 'base'))).toBe(0o700);
    expect(await mode(join(dir, 'jwt-secret'))).toBe(0o600);
    expect(await mode(join(dir, 'pgdata', 'base', '1'))).toBe(0o600);
    expect(await mode('/etc/passwd')).toBe(0o644); // links are not followed
  });

  it('tightens open files inside a private DATA_DIR without calling them exposed (the embedded database\'s files)', async () => {
    const dir = join(parent, 'data');
    await mkdir(join(dir, 'pgdata'), { recursive: true });
    await chmod(dir, 0o700);
    await writeFile(join(dir, 'pgdata', 'PG_VERSION'), '16');
    await chmod(join(dir, 'pgdata', 'PG_VERSION'), 0o666);
    const report = await secureDataDir(dir);
    expect(report.tightened).toContain(join(dir, 'pgdata', 'PG_VERSION'));
    expect(report.exposed).toEqual([]);
    expect(await mode(join(dir, 'pgdata', 'PG_VERSION'))).toBe(0o600);
  });

  it('leaves a private DATA_DIR as it is', async () => {
    const dir = join(parent, 'data');
    await mkdir(dir, { mode: 0o700 });
    await chmod(dir, 0o700);
    await writeFile(join(dir, 'jwt-secret'), 'x', { mode: 0o600 });
    await chmod(join(dir, 'jwt-secret'), 0o600);
    expect(await secureDataDir(dir)).toEqual({ created: false, tightened: [], exposed: [], stillOpen: [] });
  });
});
