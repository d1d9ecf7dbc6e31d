import type { DataSource, Repository } from 'typeorm';
import type { NewUser, User, UserRepository } from '@sooscode/domain';
import { UserRowSchema, type UserRow } from './rows/user-row';
import { toUser, toUserRow } from './user-mapper';

/** `UserRepository` on Postgres through TypeORM; rows are mapped, never hydrated into domain objects. */
export class TypeOrmUserRepository implements UserRepository {
  private readonly rows: Repository<UserRow>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(UserRowSchema);
  }

  /** Runs on every authenticated request, so it is one plain indexed SELECT rather than a built query. */
  async findById(id: number): Promise<User | null> {
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const rows = (await this.dataSource.query('SELECT * FROM users WHERE id = $1', [id])) as UserRow[];
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await this.rows.findOneBy({ email });
    return row ? toUser(row) : null;
  }

  async create(user: NewUser): Promise<User> {
    const result = await this.rows.insert(toUserRow(user));
    const id = Number((result.identifiers[0] as { id: string | number }).id);
    return { ...user, id };
  }

  async update(user: User): Promise<void> {
    await this.rows.update({ id: String(user.id) }, toUserRow(user));
  }

  async anyAdmin(): Promise<boolean> {
    return this.rows.existsBy({ role: 'ADMIN' });
  }
}
