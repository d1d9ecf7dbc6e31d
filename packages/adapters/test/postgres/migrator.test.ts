import { describe, expect, it } from 'vitest';
import { withAdvisoryLock } from '../../src/postgres/advisory-lock';
import { openDatabase } from '../../src/postgres/database';
import { migrateDown, migrateUp, migrationStatus } from '../../src/postgres/migrator';
import { MIGRATIONS } from '../../src/postgres/migrations/index';
import { silentLogger } from '../../src/system/logger';
import { createTestDatabase, HAS_POSTGRES } from '../support/services';

const NAMES = MIGRATIONS.map((m) => m.name);

describe('migrations by hand (pnpm migrate)', () => {
  it('lists pending migrations, applies them, reverts the latest, and re-applies it', async () => {
    const target = await createTestDatabase();
    const database = await openDatabase(target.url ? { url: target.url } : { pgliteDir: target.pgliteDir! }, silentLogger, { migrate: false });
    try {
      expect(await migrationStatus(database)).toEqual(NAMES.map((name) => ({ name, applied: false })));
      expect(await migrateUp(database)).toEqual(NAMES);
      expect(await migrateUp(database)).toEqual([]);
      expect(await migrateDown(database)).toBe(NAMES.at(-1));
      expect(await migrationStatus(database)).toEqual(NAMES.map((name, i) => ({ name, applied: i < NAMES.length - 1 })));
      expect(await migrateUp(database)).toEqual([NAMES.at(-1)]);
    } finally {
      await database.close();
      await target.drop();
    }
  });

  it.skipIf(!HAS_POSTGRES)('runs exclusive sections one at a time across connections', async () => {
    const target = await createTestDatabase();
    const events: string[] = [];
    const section = (name: string) => async () => {
      events.push(`${name} in`);
      await new Promise((r) => setTimeout(r, 100));
      events.push(`${name} out`);
    };
    try {
      await Promise.all([withAdvisoryLock(target.url!, [1, 2], section('a')), withAdvisoryLock(target.url!, [1, 2], section('b'))]);
      expect(events[1]).toBe(`${events[0]!.split(' ')[0]} out`);
      expect(events[3]).toBe(`${events[2]!.split(' ')[0]} out`);
    } finally {
      await target.drop();
    }
  });
});
