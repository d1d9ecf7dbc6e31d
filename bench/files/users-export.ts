// Export of 100 000 users through GET /api/admin/users/export: pages of 1000 rows from the database,
// each row committed to exceljs's streaming writer and the zip streamed to the client, which reads and
// drops it. The API runs as its own process; its RSS is sampled every 20 ms, and the peak growth is
// reported over its RSS just before the request (after a warm-up export of a few rows).
import pg from 'pg';
import { startExcelBenchServer } from './excel-server';

/** Inserts `count` STUDENT rows straight into `users` (one statement; the hash is never checked). */
async function seedUsers(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (email, name, password_hash, role, status, provider, created_at, updated_at)
       SELECT 'export' || g || '@example.com', '학생' || g, 'x', 'STUDENT', 'ACTIVE', 'LOCAL', now() - g * interval '1 second', now()
       FROM generate_series(1, $1::int) AS g`,
      [count],
    );
  } finally {
    await client.end();
  }
}

/** Exports `count` users once; returns the markdown table. */
export async function usersExport(count = 100_000): Promise<string> {
  const server = await startExcelBenchServer();
  try {
    await seedUsers(server.databaseUrl, count);
    await (await fetch(`${server.url}/api/admin/users/export?keyword=export1@`, { headers: { cookie: server.cookie } })).arrayBuffer();
    const baseline = server.rss();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, server.rss());
    }, 20);
    const started = performance.now();
    const res = await fetch(`${server.url}/api/admin/users/export`, { headers: { cookie: server.cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
    let size = 0;
    for await (const chunk of res.body) size += (chunk as Uint8Array).byteLength;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, server.rss());
    const MiB = 1024 * 1024;
    return [
      '| measure | value |',
      '|---|---|',
      `| users exported | ${count} |`,
      `| file size | ${(size / MiB).toFixed(1)} MiB |`,
      `| request time (first byte sent to last byte read) | ${seconds.toFixed(1)} s |`,
      `| API process RSS before | ${(baseline / MiB).toFixed(0)} MiB |`,
      `| peak RSS growth during the export | ${((peak - baseline) / MiB).toFixed(0)} MiB |`,
    ].join('\n');
  } finally {
    await server.stop();
  }
}
