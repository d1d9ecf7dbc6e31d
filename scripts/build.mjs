#!/usr/bin/env node
/**
 * The compiled build: every package's `src/**\/*.ts` (tests and the domain's vitest-only `testing/`
 * excluded) becomes ESM JavaScript in that package's `dist/`, file for file, so plain Node runs
 * `packages/server/dist/main.js` without tsx or TypeScript. Each file is transpiled on its own
 * (esbuild); relative imports get their `.js` extension, imports of another workspace package
 * (`@sooscode/adapters/http/x`) become relative paths into that package's `dist/`, and npm
 * packages stay bare, resolved from the importing package's own dependencies at run time.
 *
 * Usage: node scripts/build.mjs [--if-stale]   (--if-stale: only when a source is newer than the build)
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['domain', 'adapters', 'server'];
const STAMP = join(ROOT, 'packages/server/dist/.build-stamp');

/** Every file under `dir` (recursively) accepted by `keep`. */
function filesUnder(dir, keep) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

const sourcesOf = (pkg) => {
  const src = join(ROOT, 'packages', pkg, 'src');
  return filesUnder(src, (p) => p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts') && !relative(src, p).startsWith(`testing${sep}`));
};

/** True when some source or package manifest is newer than the last build. */
function isStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const inputs = PACKAGES.flatMap((pkg) => [...sourcesOf(pkg), join(ROOT, 'packages', pkg, 'package.json')]);
  return inputs.some((file) => statSync(file).mtimeMs > built);
}

/** `@sooscode/<pkg>[/<sub>]` → the dist file its `exports` entry points at. */
function workspaceTarget(specifier) {
  const [, pkg, sub] = /^@sooscode\/([^/]+)(?:\/(.+))?$/.exec(specifier) ?? [];
  if (!pkg) throw new Error(`not a workspace specifier: ${specifier}`);
  const exportsMap = JSON.parse(readFileSync(join(ROOT, 'packages', pkg, 'package.json'), 'utf8')).exports;
  const key = sub === undefined ? '.' : `./${sub}`;
  let target = exportsMap[key];
  if (target === undefined && exportsMap['./*'] !== undefined) target = exportsMap['./*'].replace('*', sub);
  if (typeof target !== 'string') throw new Error(`${specifier}: no export ${key}`);
  return join(ROOT, 'packages', pkg, target.replace(/^\.\/src\//, 'dist/').replace(/\.ts$/, '.js'));
}

/** Rewrites every import of the file being built; nothing but the entry itself is bundled. */
function perFilePlugin(pkg) {
  const srcRoot = join(ROOT, 'packages', pkg, 'src');
  const outRoot = join(ROOT, 'packages', pkg, 'dist');
  return {
    name: 'sooscode-per-file',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const spec = args.path;
        if (spec.startsWith('.')) {
          const base = resolve(args.resolveDir, spec);
          if (existsSync(`${base}.ts`)) return { path: `${spec}.js`, external: true };
          if (existsSync(join(base, 'index.ts'))) return { path: `${spec}/index.js`, external: true };
          return { path: spec, external: true };
        }
        if (spec.startsWith('@sooscode/')) {
          const importerOut = join(outRoot, relative(srcRoot, args.importer));
          let path = relative(dirname(importerOut), workspaceTarget(spec)).split(sep).join('/');
          if (!path.startsWith('.')) path = `./${path}`;
          return { path, external: true };
        }
        return { path: spec, external: true };
      });
    },
  };
}

async function buildAll() {
  const started = performance.now();
  let files = 0;
  for (const pkg of PACKAGES) {
    const outdir = join(ROOT, 'packages', pkg, 'dist');
    rmSync(outdir, { recursive: true, force: true });
    const entryPoints = sourcesOf(pkg);
    files += entryPoints.length;
    await build({
      entryPoints,
      outbase: join(ROOT, 'packages', pkg, 'src'),
      outdir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      logLevel: 'warning',
      plugins: [perFilePlugin(pkg)],
    });
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  process.stdout.write(`built ${files} files into packages/*/dist in ${Math.round(performance.now() - started)} ms\n`);
}

if (!process.argv.includes('--if-stale') || isStale()) await buildAll();
