// bench:files upload section alone: npx tsx bench/files-upload.ts [--runs 10]
import { uploadThroughput } from './files/upload-throughput';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 10);
uploadThroughput(process.argv.includes('--runs') ? runs : 10).then(
  (table) => {
    process.stdout.write(`\nUpload of a 10 MiB file, median of ${process.argv.includes('--runs') ? runs : 10} runs\n\n${table}\n`);
    process.exit(0);
  },
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
