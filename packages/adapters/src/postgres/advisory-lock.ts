import pg from 'pg';

/**
 * The advisory-lock key (two 32-bit halves) held while a node migrates and seeds the database. Every
 * SoosCode node uses the same key, so on one database only one node at a time runs that section.
 */
export const STARTUP_LOCK_KEY: readonly [number, number] = [0x5005c0de, 1];

/**
 * Runs `section` while holding a session-level Postgres advisory lock on `key`, taken on a
 * dedicated connection to `url` (not from the pool, so a pool of one connection cannot deadlock).
 * Waits without a timeout for the lock; other holders release it when their section ends or their
 * connection drops (a crashed node cannot keep it). Unlocks and closes the connection afterwards,
 * also when `section` throws.
 */
export async function withAdvisoryLock<T>(url: string, key: readonly [number, number], section: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // a dropped lock connection surfaces as a failed query below
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [key[0], key[1]]);
    try {
      return await section();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [key[0], key[1]]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
