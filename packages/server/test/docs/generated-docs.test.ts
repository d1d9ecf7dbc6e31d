import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SCHEMA } from '../../src/config/schema';
import { docPath, GENERATED, replaceRegion } from '../../src/docs-gen/generate-docs';

describe('generated documentation', () => {
  it.each(GENERATED.map((g) => [g.file, g] as const))('%s is up to date (run pnpm docs:gen)', async (_file, g) => {
    const doc = await readFile(docPath(g.file), 'utf8');
    expect(doc).toBe(replaceRegion(doc, g.marker, g.content()));
  });

  it('documents every configuration variable', async () => {
    const doc = await readFile(docPath('../../../../docs/configuration.md'), 'utf8');
    for (const v of Object.values(SCHEMA)) expect(doc).toContain(`\`${v.env}\``);
  });
});
