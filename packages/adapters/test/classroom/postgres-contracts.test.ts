import { afterAll, beforeAll, describe } from 'vitest';
import { classroomRepositoryContract, snapshotRepositoryContract, userDirectoryContract, type ClassroomStores, type ContractHarness } from '@sooscode/domain/testing';
import type { Database } from '../../src/postgres/database';
import { TypeOrmClassroomRepository } from '../../src/postgres/typeorm-classroom-repository';
import { TypeOrmEnrolmentRepository } from '../../src/postgres/typeorm-enrolment-repository';
import { TypeOrmSnapshotRepository } from '../../src/postgres/typeorm-snapshot-repository';
import { TypeOrmUserDirectory } from '../../src/postgres/typeorm-user-directory';
import { TypeOrmUserRepository } from '../../src/postgres/typeorm-user-repository';
import { openTestDatabase } from '../support/services';

describe('classroom ports on Postgres', () => {
  let db: { database: Database; close(): Promise<void> };
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  async function stores(): Promise<ContractHarness<ClassroomStores>> {
    const ds = db.database.dataSource;
    return {
      subject: {
        users: new TypeOrmUserRepository(ds),
        classes: new TypeOrmClassroomRepository(ds),
        enrolments: new TypeOrmEnrolmentRepository(ds),
        directory: new TypeOrmUserDirectory(ds),
        snapshots: new TypeOrmSnapshotRepository(ds),
      },
      now: () => new Date(),
      advance: async () => undefined,
      teardown: async () => {
        await ds.query('TRUNCATE users, classes, class_participants, code_snapshots RESTART IDENTITY CASCADE');
      },
    };
  }

  classroomRepositoryContract('postgres', stores);
  userDirectoryContract('postgres', stores);
  snapshotRepositoryContract('postgres', stores);
});
