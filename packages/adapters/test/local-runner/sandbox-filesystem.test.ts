import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostView, resolveCommand } from '../../src/local-runner/sandbox-filesystem';

describe('the read-only view of the host a job sees', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sooscode-hostview-'));
    await chmod(dir, 0o755);
    for (const [prefix, mode] of [['open', 0o755], ['closed', 0o700]] as const) {
      await mkdir(join(dir, prefix, 'bin'), { recursive: true });
      await chmod(join(dir, prefix), mode);
      await writeFile(join(dir, prefix, 'bin', 'tool'), '#!/bin/sh\n', { mode: 0o755 });
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds the system folders and only the few /etc entries toolchains need', () => {
    const paths = hostView([]).map((m) => m.path);
    expect(paths).toContain('/usr');
    expect(paths.filter((p) => p.startsWith('/etc/')).every((p) => /^\/etc\/(ld\.so\.(cache|conf|conf\.d)|alternatives|localtime|timezone|java[^/]*)$/.test(p))).toBe(true);
    for (const secret of ['/etc', '/etc/shadow', '/etc/passwd', '/root', '/home', '/tmp', '/var']) expect(paths).not.toContain(secret);
  });

  it('binds the prefix of a toolchain outside them when other users can reach it, and skips one they cannot', () => {
    const paths = hostView([join(dir, 'open', 'bin', 'tool'), join(dir, 'closed', 'bin', 'tool')]).map((m) => m.path);
    expect(paths).toContain(join(dir, 'open'));
    expect(paths).not.toContain(join(dir, 'closed'));
  });

  it('resolves commands on a PATH value', () => {
    expect(resolveCommand('tool', `/nonexistent:${join(dir, 'open', 'bin')}`)).toBe(join(dir, 'open', 'bin', 'tool'));
    expect(resolveCommand('no-such-tool-here', '/usr/bin')).toBeUndefined();
  });
});
