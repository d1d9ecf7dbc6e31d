// bench:files — files and spreadsheets, one section each (all by default):
//   import  bulk import of a 1000-row sheet (seconds; target < 15 s on 2 cores, default argon2id cost)
//   export  export of 100 000 users (seconds and peak RSS growth; target < 100 MiB)
//   upload  upload throughput of a 10 MiB file (see bench/files/upload-throughput.ts)
// Usage: pnpm bench:files [-- import export upload] [--rows 1000] [--users 100000] [--runs 10]
import { excelImport } from './files/excel-import';
import { uploadThroughput } from './files/upload-throughput';
import { usersExport } from './files/users-export';

const argv = process.argv.slice(2).filter((a) => a !== '--');
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const rows = option('rows', 1000);
const users = option('users', 100_000);
const runs = option('runs', 10);
const named = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));

const SECTIONS: Record<string, { title: string; run: () => Promise<string> }> = {
  import: { title: `Bulk import of a ${rows}-row sheet (POST /api/admin/users/bulk)`, run: () => excelImport(rows) },
  export: { title: `Export of ${users} users (GET /api/admin/users/export)`, run: () => usersExport(users) },
  upload: { title: `Upload of a 10 MiB file, median of ${runs} runs`, run: () => uploadThroughput(runs) },
};

async function main(): Promise<void> {
  const chosen = named.length ? named : Object.keys(SECTIONS);
  for (const name of chosen) {
    const section = SECTIONS[name];
    if (!section) throw new Error(`unknown section ${name}; known: ${Object.keys(SECTIONS).join(', ')}`);
    process.stdout.write(`\n## ${section.title}\n\n${await section.run()}\n`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
