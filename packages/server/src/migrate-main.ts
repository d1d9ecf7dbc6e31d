import { openDatabase } from '@sooscode/adapters/postgres/database';
import { migrateDown, migrateUp, migrationStatus } from '@sooscode/adapters/postgres/migrator';
import { createLogger, databaseLocation } from './infrastructure';
import { loadConfigOrExit } from './process-entry';

const USAGE = 'usage: pnpm migrate status|up|down  (DATABASE_URL, or the embedded PGlite files in DATA_DIR)';

/**
 * Entry point of `pnpm migrate`: `status` lists every migration as applied or pending, `up` applies
 * the pending ones, `down` reverts the latest applied one (its tables and their data are dropped).
 * `up` and `down` hold the start-up lock, so they wait for nodes that are migrating or seeding.
 * Exits 0 on success, 1 on a database failure, 2 on a usage or configuration error.
 */
async function main(command: string | undefined): Promise<void> {
  if (command !== 'status' && command !== 'up' && command !== 'down') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const config = loadConfigOrExit(process.env);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openDatabase(databaseLocation(config), logger, { poolSize: 1, migrate: false });
  try {
    if (command === 'status') {
      for (const m of await migrationStatus(database)) process.stdout.write(`${m.applied ? 'applied' : 'pending'}  ${m.name}\n`);
    } else if (command === 'up') {
      const ran = await migrateUp(database);
      process.stdout.write(ran.length ? ran.map((name) => `applied  ${name}\n`).join('') : 'nothing to apply\n');
    } else {
      const reverted = await migrateDown(database);
      process.stdout.write(reverted ? `reverted  ${reverted}\n` : 'nothing to revert\n');
    }
  } finally {
    await database.close();
  }
}

main(process.argv[2]).catch((e: unknown) => {
  process.stderr.write(`migrate failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
