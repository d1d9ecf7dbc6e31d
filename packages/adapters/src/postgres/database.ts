import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { Logger } from '../system/logger';
import { MIGRATIONS } from './migrations/index';
import { ROW_SCHEMAS } from './rows/index';

/** An open relational database: the TypeORM data source and how to close everything behind it. */
export interface Database {
  readonly dataSource: DataSource;
  /** `postgres` for DATABASE_URL, `pglite` for the embedded engine. */
  readonly kind: 'postgres' | 'pglite';
  /** Closes the pool (and the embedded engine). */
  close(): Promise<void>;
}

/** Where the data lives: a Postgres URL, or a directory for the embedded PGlite engine. */
export type DatabaseLocation = { url: string } | { pgliteDir: string } | { pgliteMemory: true };

/**
 * Opens the database and runs pending migrations. Without a URL, PGlite (a real Postgres engine) is
 * served on a loopback socket so the same `pg` driver, row schemas and migrations are used.
 */
export async function openDatabase(location: DatabaseLocation, logger: Logger, poolSize = 10): Promise<Database> {
  let pglite: PGlite | undefined;
  let socketServer: PGLiteSocketServer | undefined;
  let url: string;
  if ('url' in location) {
    url = location.url;
  } else {
    if ('pgliteDir' in location) await mkdir(location.pgliteDir, { recursive: true });
    pglite = await PGlite.create('pgliteDir' in location ? location.pgliteDir : undefined);
    socketServer = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await socketServer.start();
    url = `postgres://postgres@${socketServer.getServerConn()}/postgres`;
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: ROW_SCHEMAS as MixedList<EntitySchema>,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: pglite ? 1 : poolSize },
  });
  await dataSource.initialize();
  const ran = await dataSource.runMigrations();
  if (ran.length) logger.info({ migrations: ran.map((m) => m.name) }, 'database migrated');
  return {
    dataSource,
    kind: pglite ? 'pglite' : 'postgres',
    async close() {
      await dataSource.destroy();
      await socketServer?.stop();
      await pglite?.close();
    },
  };
}
