import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { configurationTable } from './configuration-table';
import { errorCodeTable } from './error-code-table';
import { routeTable } from './route-table';

/** The generated regions of the docs: file → (marker name → content). */
export const GENERATED = [
  { file: '../../../../docs/configuration.md', marker: 'config-table', content: configurationTable },
  { file: '../../../../docs/error-codes.md', marker: 'code-table', content: errorCodeTable },
  { file: '../../../../docs/api.md', marker: 'route-table', content: routeTable },
] as const;

/** Replaces the text between `<!-- BEGIN name -->` and `<!-- END name -->`. */
export function replaceRegion(doc: string, marker: string, content: string): string {
  const begin = `<!-- BEGIN ${marker} -->`;
  const end = `<!-- END ${marker} -->`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`markers for ${marker} not found`);
  return `${doc.slice(0, i + begin.length)}\n${content}\n${doc.slice(j)}`;
}

/** Absolute path of a generated doc. */
export function docPath(relative: string): string {
  return fileURLToPath(new URL(relative, import.meta.url));
}

/** `tsx packages/server/src/docs-gen/generate-docs.ts` rewrites the generated regions. */
async function main(): Promise<void> {
  for (const g of GENERATED) {
    const path = docPath(g.file);
    await writeFile(path, replaceRegion(await readFile(path, 'utf8'), g.marker, g.content()));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
