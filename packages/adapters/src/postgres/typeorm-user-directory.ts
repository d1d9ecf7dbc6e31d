import type { DataSource } from 'typeorm';
import type { PageOf, PageRequest, User, UserDirectory, UserSearch, UserSortField, UserSummary } from '@sooscode/domain';
import type { UserRow } from './rows/user-row';
import { containsIgnoringCase, isStorableId, SqlParams, sqlDirection } from './sql-params';
import { toUser } from './user-mapper';

const SORT_COLUMNS: Record<UserSortField, string> = {
  name: 'u.name COLLATE "C"',
  email: 'u.email COLLATE "C"',
  createdAt: 'u.created_at',
};

/** `UserDirectory` on Postgres: admin views over `users` (ADMIN rows are never returned). */
export class TypeOrmUserDirectory implements UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async search(s: UserSearch, page: PageRequest): Promise<PageOf<User>> {
    const p = new SqlParams();
    const filter = this.filterOf(s, p);
    const countRows = (await this.dataSource.query(`SELECT count(*)::int AS n ${filter}`, [...p.values])) as { n: number }[];
    const rows = (await this.dataSource.query(`SELECT u.* ${filter} ${this.orderOf(s)} ${p.page(page)}`, p.values)) as UserRow[];
    return { items: rows.map(toUser), total: Number(countRows[0]?.n ?? 0) };
  }

  /** One query under a server-side cursor in a read-only transaction, fetched `batchSize` rows at a time. */
  async *batches(s: UserSearch, batchSize: number): AsyncIterable<User[]> {
    const p = new SqlParams();
    const filter = this.filterOf(s, p);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let open = false;
    try {
      await runner.query('BEGIN READ ONLY');
      open = true;
      await runner.query(`DECLARE user_export NO SCROLL CURSOR FOR SELECT u.* ${filter} ${this.orderOf(s)}`, p.values);
      const fetch = `FETCH FORWARD ${Math.max(1, Math.floor(batchSize))} FROM user_export`;
      for (;;) {
        const rows = (await runner.query(fetch)) as UserRow[];
        if (rows.length) yield rows.map(toUser);
        if (rows.length < batchSize) break;
      }
    } finally {
      if (open) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  /** `FROM … WHERE …` of a search (ADMIN rows never match). */
  private filterOf(s: UserSearch, p: SqlParams): string {
    const where = [`u.role <> 'ADMIN'`];
    if (s.keyword !== undefined) {
      const k = p.add(s.keyword);
      where.push(`(${containsIgnoringCase('u.email', k)} OR ${containsIgnoringCase('u.name', k)})`);
    }
    if (s.role !== undefined) where.push(`u.role = ${p.add(s.role)}`);
    if (s.status !== undefined) where.push(`u.status = ${p.add(s.status)}`);
    if (s.createdFrom !== undefined) where.push(`u.created_at >= ${p.add(s.createdFrom)}`);
    if (s.createdTo !== undefined) where.push(`u.created_at <= ${p.add(s.createdTo)}`);
    return `FROM users u WHERE ${where.join(' AND ')}`;
  }

  private orderOf(s: UserSearch): string {
    const dir = sqlDirection(s.direction);
    return `ORDER BY ${SORT_COLUMNS[s.sortBy]} ${dir}, u.id ${dir}`;
  }

  async activeInstructors(keyword?: string): Promise<UserSummary[]> {
    return this.summaries(`u.role = 'INSTRUCTOR'`, [], keyword);
  }

  async availableStudents(classId: number, keyword?: string): Promise<UserSummary[]> {
    const enrolled = isStorableId(classId) ? `NOT EXISTS (SELECT 1 FROM class_participants p WHERE p.class_id = $1 AND p.user_id = u.id)` : 'TRUE';
    return this.summaries(`u.role = 'STUDENT' AND ${enrolled}`, isStorableId(classId) ? [classId] : [], keyword);
  }

  private async summaries(condition: string, values: unknown[], keyword: string | undefined): Promise<UserSummary[]> {
    const p = new SqlParams();
    for (const v of values) p.add(v);
    const where = [`u.status = 'ACTIVE'`, condition];
    if (keyword !== undefined) {
      const k = p.add(keyword);
      where.push(`(${containsIgnoringCase('u.name', k)} OR ${containsIgnoringCase('u.email', k)})`);
    }
    const rows = (await this.dataSource.query(`SELECT u.id, u.name, u.email FROM users u WHERE ${where.join(' AND ')} ORDER BY u.name COLLATE "C", u.id`, p.values)) as {
      id: string;
      name: string;
      email: string;
    }[];
    return rows.map((r) => ({ userId: Number(r.id), name: r.name, email: r.email }));
  }
}
