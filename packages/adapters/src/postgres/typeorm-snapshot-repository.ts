import type { DataSource } from 'typeorm';
import type { NewSnapshot, PageOf, PageRequest, Snapshot, SnapshotFilter, SnapshotOrder, SnapshotRepository } from '@sooscode/domain';
import type { CodeSnapshotRow } from './rows/code-snapshot-row';
import { toSnapshot } from './snapshot-mapper';
import { encodeVerbatim } from './verbatim-text';
import { containsIgnoringCase, isStorableId, returnedRows, SqlParams, sqlDirection } from './sql-params';

const ORDER_COLUMNS = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

/** `SnapshotRepository` on Postgres (`code_snapshots`) with explicit SQL. */
export class TypeOrmSnapshotRepository implements SnapshotRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(s: NewSnapshot): Promise<Snapshot> {
    const rows = (await this.dataSource.query(
      `INSERT INTO code_snapshots (user_id, class_id, title, content, language, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [s.userId, s.classId, s.title, encodeVerbatim(s.content), s.language, s.createdAt, s.updatedAt],
    )) as { id: string }[];
    return { ...s, id: Number(rows[0]!.id) };
  }

  async findById(id: number): Promise<Snapshot | null> {
    if (!isStorableId(id)) return null;
    const rows = (await this.dataSource.query(`SELECT * FROM code_snapshots WHERE id = $1`, [id])) as CodeSnapshotRow[];
    return rows[0] ? toSnapshot(rows[0]) : null;
  }

  async update(s: Snapshot): Promise<void> {
    await this.dataSource.query(`UPDATE code_snapshots SET title = $1, content = $2, updated_at = $3 WHERE id = $4`, [s.title, encodeVerbatim(s.content), s.updatedAt, s.id]);
  }

  async deleteOwned(userId: number, classId: number, id: number): Promise<boolean> {
    if (![userId, classId, id].every(isStorableId)) return false;
    const rows = returnedRows(await this.dataSource.query(`DELETE FROM code_snapshots WHERE id = $1 AND user_id = $2 AND class_id = $3 RETURNING id`, [id, userId, classId]));
    return rows.length > 0;
  }

  async find(f: SnapshotFilter, order: SnapshotOrder, page?: PageRequest): Promise<PageOf<Snapshot>> {
    if (!isStorableId(f.userId) || !isStorableId(f.classId)) return { items: [], total: 0 };
    const p = new SqlParams();
    const where = [`user_id = ${p.add(f.userId)}`, `class_id = ${p.add(f.classId)}`];
    if (f.titleContains !== undefined) where.push(containsIgnoringCase('title', p.add(f.titleContains)));
    if (f.contentContains !== undefined) where.push(`strpos(content, ${p.add(encodeVerbatim(f.contentContains))}) > 0`);
    if (f.language !== undefined) where.push(`language = ${p.add(f.language)}`);
    if (f.createdFrom !== undefined) where.push(`created_at >= ${p.add(f.createdFrom)}`);
    if (f.createdTo !== undefined) where.push(`created_at <= ${p.add(f.createdTo)}`);
    const filter = `FROM code_snapshots WHERE ${where.join(' AND ')}`;
    const countRows = (await this.dataSource.query(`SELECT count(*)::int AS n ${filter}`, [...p.values])) as { n: number }[];
    const dir = sqlDirection(order.direction);
    const rows = (await this.dataSource.query(
      `SELECT * ${filter} ORDER BY ${ORDER_COLUMNS[order.field]} ${dir}, id ${dir} ${page ? p.page(page) : ''}`,
      p.values,
    )) as CodeSnapshotRow[];
    return { items: rows.map(toSnapshot), total: Number(countRows[0]?.n ?? 0) };
  }
}
