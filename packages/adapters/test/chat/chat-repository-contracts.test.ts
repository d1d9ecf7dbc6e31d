import { afterAll, beforeAll, describe } from 'vitest';
import { ClassroomMother, UserMother, chatRepositoryContract } from '@sooscode/domain/testing';
import { InMemoryChatRepository } from '@sooscode/adapters/memory';
import type { Database } from '../../src/postgres/database';
import { TypeOrmChatRepository } from '../../src/postgres/typeorm-chat-repository';
import { TypeOrmClassroomRepository } from '../../src/postgres/typeorm-classroom-repository';
import { TypeOrmUserRepository } from '../../src/postgres/typeorm-user-repository';
import { openTestDatabase } from '../support/services';

chatRepositoryContract('in-memory', async () => ({
  subject: new InMemoryChatRepository(),
  classes: [1, 2],
  users: [1, 2, 3],
  now: () => new Date(),
  advance: async () => undefined,
  teardown: async () => undefined,
}));

describe('chat on Postgres', () => {
  let db: { database: Database; close(): Promise<void> };
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  chatRepositoryContract('postgres', async () => {
    const ds = db.database.dataSource;
    const users = new TypeOrmUserRepository(ds);
    const classes = new TypeOrmClassroomRepository(ds);
    const inst = await users.create(UserMother.instructor());
    const u2 = await users.create(UserMother.student());
    const u3 = await users.create(UserMother.student());
    const c1 = await classes.create(ClassroomMother.build(inst.id));
    const c2 = await classes.create(ClassroomMother.build(inst.id));
    return {
      subject: new TypeOrmChatRepository(ds),
      classes: [c1.id, c2.id],
      users: [inst.id, u2.id, u3.id],
      now: () => new Date(),
      advance: async () => undefined,
      teardown: async () => {
        await ds.query('TRUNCATE users, classes, class_participants, code_snapshots, chat_messages, chat_reactions RESTART IDENTITY CASCADE');
      },
    };
  });
});
