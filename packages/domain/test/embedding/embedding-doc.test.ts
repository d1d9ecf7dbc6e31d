import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const DOC = resolve(here, '../../../../docs/embedding.md');
const EXAMPLE = resolve(here, 'embedding.test.ts');

/** The text between two markers (exclusive), or throws naming the missing marker. */
function between(text: string, start: string, end: string, where: string): string {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`${where}: marker "${start}" not found`);
  const to = text.indexOf(end, from + start.length);
  if (to < 0) throw new Error(`${where}: marker "${end}" not found`);
  return text.slice(from + start.length, to);
}

describe('docs/embedding.md', () => {
  it('quotes the runnable example exactly as it is in packages/domain/test/embedding/embedding.test.ts', () => {
    const doc = readFileSync(DOC, 'utf8');
    const region = between(readFileSync(EXAMPLE, 'utf8'), '// #region embedding\n', '// #endregion embedding', 'embedding.test.ts');
    const block = between(doc, '<!-- BEGIN embedding-example -->\n```ts\n', '```\n<!-- END embedding-example -->', 'embedding.md');
    expect(block).toBe(region);
    expect(doc).toContain('packages/domain/test/embedding/embedding.test.ts');
  });
});
