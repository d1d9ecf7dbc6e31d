// The local runner's sandbox cost: hello-world latency per language with and without isolation,
// measured in the same run. The kinds are interleaved (one run of each in turn), so background load
// falls on all of them alike. `none` is the baseline: the same runner, limits and uid, no namespaces.
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../../packages/domain/src/index';
import { LocalCodeRunner } from '../../packages/adapters/src/local-runner/local-code-runner';

const HELLO: Record<Language, string> = {
  python: 'print("Hello, SoosCode")',
  javascript: 'console.log("Hello, SoosCode")',
  java: 'public class Main { public static void main(String[] a) { System.out.println("Hello, SoosCode"); } }',
};

const KINDS = ['none', 'bwrap', 'unshare'] as const;
type Kind = (typeof KINDS)[number];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Measures `runs` hello worlds per language and kind (Java: a third of them); returns the markdown table. */
export async function sandboxCost(runs: number): Promise<string> {
  const tempRoot = await mkdtemp(join(tmpdir(), 'sooscode-bench-sandbox-'));
  await chmod(tempRoot, 0o711);
  try {
    const runners = new Map<Kind, LocalCodeRunner>();
    const skipped: string[] = [];
    for (const kind of KINDS) {
      const runner = new LocalCodeRunner({ isolation: kind, tempRoot, concurrency: 1, runTimeoutMs: 20_000, compileTimeoutMs: 30_000 });
      if (runner.isolation().kind === kind) runners.set(kind, runner);
      else skipped.push(`${kind}: ${runner.isolation().detail}`);
    }
    const lines = ['| language | runs | isolation | p50 ms | p95 ms | added p50 ms | ratio p50 | target |', '|---|---|---|---|---|---|---|---|'];
    for (const language of ['python', 'javascript', 'java'] as Language[]) {
      const n = language === 'java' ? Math.max(3, Math.ceil(runs / 3)) : runs;
      const samples = new Map<Kind, number[]>([...runners.keys()].map((k) => [k, []]));
      for (const runner of runners.values()) await runner.run({ jobId: 'warm', language, code: HELLO[language] }); // warm caches
      for (let i = 0; i < n; i++) {
        for (const [kind, runner] of runners) {
          const start = performance.now();
          const outcome = await runner.run({ jobId: `${kind}-${i}`, language, code: HELLO[language] });
          if (outcome.status !== 'SUCCESS') throw new Error(`${language} under ${kind}: ${outcome.status} ${outcome.output}`);
          samples.get(kind)!.push(performance.now() - start);
        }
      }
      const base = percentile([...(samples.get('none') ?? [])].sort((a, b) => a - b), 50);
      for (const [kind, values] of samples) {
        const sorted = [...values].sort((a, b) => a - b);
        const p50 = percentile(sorted, 50);
        const added = p50 - base;
        const target = kind === 'none' || language === 'java' ? '—' : added < 50 ? 'added < 50 ms: pass' : 'added < 50 ms: **fail**';
        lines.push(`| ${language} | ${n} | ${kind} | ${p50.toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${kind === 'none' ? '—' : added.toFixed(1)} | ${(p50 / base).toFixed(2)}x | ${target} |`);
      }
    }
    if (skipped.length > 0) lines.push('', `Not measured here: ${skipped.join('; ')}`);
    return lines.join('\n');
  } finally {
    await rm(tempRoot, { recursive: true, force: true });
  }
}
