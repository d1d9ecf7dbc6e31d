// Bulk import of a 1000-row sheet through POST /api/admin/users/bulk: multipart parsing, the archive
// checks, exceljs parsing, 1000 argon2id hashes (default cost, bounded parallelism), 1000 inserts and
// the result workbook. The time is the whole request, as the admin waits for it. The baseline, measured
// in the same run, is the hashing alone: as many argon2id hashes with the same parallelism, no HTTP,
// no spreadsheet, no database.
import { Argon2PasswordHasher } from '../../packages/adapters/src/auth/argon2-password-hasher';
import { readWorkbook, workbookOf } from '../../packages/adapters/test/excel/workbook-files';
import { mapBounded } from '../../packages/domain/src/shared/bounded-map';
import { BULK_HASH_CONCURRENCY } from '../../packages/server/src/modules/classroom-module';
import { startExcelBenchServer } from './excel-server';

/** Seconds to hash `count` passwords with the bulk import's parallelism. */
async function hashingAlone(count: number): Promise<number> {
  const hasher = new Argon2PasswordHasher();
  const started = performance.now();
  await mapBounded(Array.from({ length: count }, (_, i) => `Temp${i}Passw0rd`), BULK_HASH_CONCURRENCY, (p) => hasher.hash(p));
  return (performance.now() - started) / 1000;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Imports `rows` accounts once; returns the markdown table. */
export async function excelImport(rows = 1000): Promise<string> {
  const server = await startExcelBenchServer();
  try {
    const sheet = await workbookOf([['email', 'name', 'role'], ...Array.from({ length: rows }, (_, i) => [`bench${i}@example.com`, `학생${i}`, i % 10 ? 'STUDENT' : 'INSTRUCTOR'])]);
    const form = new FormData();
    form.append('file', new Blob([sheet], { type: XLSX }), 'users.xlsx');
    const started = performance.now();
    const res = await fetch(`${server.url}/api/admin/users/bulk`, { method: 'POST', body: form, headers: { cookie: server.cookie } });
    const bytes = await res.arrayBuffer();
    const seconds = (performance.now() - started) / 1000;
    if (res.status !== 200) throw new Error(`bulk import answered ${res.status}: ${Buffer.from(bytes).toString()}`);
    const result = (await readWorkbook(bytes)).get('일괄 생성 결과')!.slice(1);
    const created = result.filter((r) => r[4] === '성공').length;
    if (created !== rows) throw new Error(`only ${created} of ${rows} accounts were created`);
    const baseline = await hashingAlone(rows);
    return [
      '| measure | value |',
      '|---|---|',
      `| rows imported (all created) | ${created} |`,
      `| sheet size | ${(sheet.length / 1024).toFixed(0)} KiB |`,
      `| request time (upload to result workbook) | ${seconds.toFixed(1)} s |`,
      `| per account | ${((seconds * 1000) / rows).toFixed(1)} ms |`,
      `| baseline: ${rows} argon2id hashes alone, ${BULK_HASH_CONCURRENCY} at a time | ${baseline.toFixed(1)} s |`,
      `| import / baseline | ${(seconds / baseline).toFixed(2)} |`,
    ].join('\n');
  } finally {
    await server.stop();
  }
}
