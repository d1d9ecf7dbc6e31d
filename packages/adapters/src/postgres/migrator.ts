import type { Database } from './database';
import { MIGRATIONS } from './migrations/index';

/** One known migration and whether the database has it. */
export interface MigrationState {
  readonly name: string;
  readonly applied: boolean;
}

/** Names recorded in TypeORM's `migrations` table (empty when the table does not exist yet). */
async function appliedNames(database: Database): Promise<Set<string>> {
  const [exists] = (await database.dataSource.query(`SELECT to_regclass('migrations') IS NOT NULL AS present`)) as { present: boolean }[];
  if (!exists?.present) return new Set();
  const rows = (await database.dataSource.query('SELECT name FROM migrations')) as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

/**
 * Every migration this build knows, in order, with whether it is applied. Names recorded in the
 * database that this build does not know (a newer build migrated it) are listed last as applied.
 */
export async function migrationStatus(database: Database): Promise<MigrationState[]> {
  const applied = await appliedNames(database);
  const known = MIGRATIONS.map((m) => m.name);
  return [
    ...known.map((name) => ({ name, applied: applied.has(name) })),
    ...[...applied].filter((name) => !known.includes(name)).map((name) => ({ name, applied: true })),
  ];
}

/** Applies every pending migration under the start-up lock; returns the names applied, in order. */
export async function migrateUp(database: Database): Promise<string[]> {
  const ran = await database.exclusive(() => database.dataSource.runMigrations());
  return ran.map((m) => m.name);
}

/**
 * Reverts the most recently applied migration under the start-up lock; returns its name, or null
 * when none is applied. Reverting drops the tables that migration created, with their data.
 */
export async function migrateDown(database: Database): Promise<string | null> {
  return database.exclusive(async () => {
    const before = await appliedNames(database);
    if (before.size === 0) return null;
    await database.dataSource.undoLastMigration({ transaction: 'each' });
    const after = await appliedNames(database);
    return [...before].find((name) => !after.has(name)) ?? null;
  });
}
