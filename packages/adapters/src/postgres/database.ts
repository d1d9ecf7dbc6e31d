import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataSource, type EntitySchema, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';
import type { Logger } from '../system/logger';
import { STARTUP_LOCK_KEY, withAdvisoryLock } from './advisory-lock';
import { MIGRATIONS } from './migrations/index';
import { ROW_SCHEMAS } from './rows/index';

/** An open relational database: the TypeORM data source and how to close everything behind it. */
export interface Database {
  readonly dataSource: DataSource;
  /** `postgres` for DATABASE_URL, `pglite` for the embedded engine. */
  readonly kind: 'postgres' | 'pglite';
  /**
   * Runs `section` while no other node runs its own: on Postgres under the start-up advisory lock
   * (one holder per database, across processes); on PGlite directly (one process owns DATA_DIR).
   * Used for migrating and seeding, so nodes started together do not race.
   */
  exclusive<T>(section: () => Promise<T>): Promise<T>;
  /** Closes the pool (and the embedded engine). */
  close(): Promise<void>;
}

/** A TypeORM logger that only reports failed queries to `onError` (TypeORM calls it for each one). */
function queryErrorLogger(onError: (() => void) | undefined): TypeOrmLogger {
  const ignore = () => undefined;
  return { logQuery: ignore, logQuerySlow: ignore, logSchemaBuild: ignore, logMigration: ignore, log: ignore, logQueryError: () => onError?.() };
}

/** Where the data lives: a Postgres URL, or a directory for the embedded PGlite engine. */
export type DatabaseLocation = { url: string } | { pgliteDir: string } | { pgliteMemory: true };

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** Connections in the Postgres pool (PGlite always uses one). Default 10. */
  readonly poolSize?: number;
  /** Run pending migrations (under `exclusive`) before returning. Default true; the migrate CLI passes false. */
  readonly migrate?: boolean;
  /** Called for every failed query (metrics). */
  readonly onQueryError?: () => void;
}

/**
 * Opens the database and, unless told otherwise, runs pending migrations under the start-up lock,
 * so any number of nodes started together against an empty database all come up. Without a URL,
 * PGlite (a real Postgres engine) is served on a loopback socket so the same `pg` driver, row
 * schemas and migrations are used.
 */
export async function openDatabase(location: DatabaseLocation, logger: Logger, options: OpenDatabaseOptions = {}): Promise<Database> {
  let pglite: PGlite | undefined;
  let socketServer: PGLiteSocketServer | undefined;
  let url: string;
  if ('url' in location) {
    url = location.url;
  } else {
    if ('pgliteDir' in location) await mkdir(location.pgliteDir, { recursive: true });
    // loaded only for the embedded engine: a Postgres node never pays for PGlite's code and memory
    const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite-socket')]);
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
    logger: queryErrorLogger(options.onQueryError),
    extra: { max: pglite ? 1 : (options.poolSize ?? 10) },
  });
  const close = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await socketServer?.stop();
    await pglite?.close();
  };
  const database: Database = {
    dataSource,
    kind: pglite ? 'pglite' : 'postgres',
    exclusive: (section) => (pglite ? section() : withAdvisoryLock(url, STARTUP_LOCK_KEY, section)),
    close,
  };
  try {
    await dataSource.initialize();
    if (options.migrate ?? true) {
      const ran = await database.exclusive(() => dataSource.runMigrations());
      if (ran.length) logger.info({ migrations: ran.map((m) => m.name) }, 'database migrated');
    }
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
  return database;
}
