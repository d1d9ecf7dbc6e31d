import { classroomRepositoryContract, FixedClock, snapshotRepositoryContract, userDirectoryContract, type ClassroomStores, type ContractHarness } from '@sooscode/domain/testing';
import { InMemoryClassroomRepository, InMemoryClassroomTables, InMemoryEnrolmentRepository, InMemorySnapshotRepository, InMemoryUserDirectory, InMemoryUserRepository } from '@sooscode/adapters/memory';

async function inMemoryStores(): Promise<ContractHarness<ClassroomStores>> {
  const clock = new FixedClock();
  const users = new InMemoryUserRepository();
  const tables = new InMemoryClassroomTables(users);
  return {
    subject: {
      users,
      classes: new InMemoryClassroomRepository(tables),
      enrolments: new InMemoryEnrolmentRepository(tables),
      directory: new InMemoryUserDirectory(tables),
      snapshots: new InMemorySnapshotRepository(),
    },
    now: () => clock.now(),
    advance: async (ms) => clock.advance(ms),
    teardown: async () => undefined,
  };
}

classroomRepositoryContract('in-memory', inMemoryStores);
userDirectoryContract('in-memory', inMemoryStores);
snapshotRepositoryContract('in-memory', inMemoryStores);
