import type { DataSource } from 'typeorm';
import type { ClassListing, ClassroomRepository, ClassRoom, ClassSearch, ClassSortField, NewClassRoom, PageOf, PageRequest } from '@sooscode/domain';
import { CLASS_COLUMNS, CLASS_WRITE_COLUMNS, classRoomValues, toClassRoom } from './classroom-mapper';
import type { ClassRoomRow } from './rows/class-room-row';
import { containsIgnoringCase, isStorableId, SqlParams, sqlDirection } from './sql-params';

type ListingRow = ClassRoomRow & { instructor_name: string; student_count: number };

const SORT_COLUMNS: Record<ClassSortField, string> = {
  createdAt: 'c.created_at',
  title: 'c.title COLLATE "C"',
  startDate: 'c.start_date',
  endDate: 'c.end_date',
  startTime: 'c.start_time',
  endTime: 'c.end_time',
};

const LISTING_FROM = `FROM classes c JOIN users u ON u.id = c.instructor_id`;
const LISTING_SELECT = `SELECT ${CLASS_COLUMNS}, u.name AS instructor_name,
  (SELECT count(*) FROM class_participants p WHERE p.class_id = c.id)::int AS student_count ${LISTING_FROM}`;

function toListing(row: ListingRow): ClassListing {
  return { room: toClassRoom(row), instructorName: row.instructor_name, studentCount: Number(row.student_count) };
}

/** `ClassroomRepository` on Postgres with explicit SQL; rows are mapped, never hydrated into domain objects. */
export class TypeOrmClassroomRepository implements ClassroomRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: number): Promise<ClassRoom | null> {
    if (!isStorableId(id)) return null;
    const rows = (await this.dataSource.query(`SELECT ${CLASS_COLUMNS} FROM classes c WHERE c.id = $1`, [id])) as ClassRoomRow[];
    return rows[0] ? toClassRoom(rows[0]) : null;
  }

  async create(room: NewClassRoom): Promise<ClassRoom> {
    const placeholders = CLASS_WRITE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
    const rows = (await this.dataSource.query(
      `INSERT INTO classes (${CLASS_WRITE_COLUMNS.join(', ')}) VALUES (${placeholders}) RETURNING id`,
      classRoomValues(room),
    )) as { id: string }[];
    return { ...room, id: Number(rows[0]!.id) };
  }

  async update(room: ClassRoom): Promise<void> {
    const sets = CLASS_WRITE_COLUMNS.map((c, i) => `${c} = $${i + 1}`).join(', ');
    await this.dataSource.query(`UPDATE classes SET ${sets} WHERE id = $${CLASS_WRITE_COLUMNS.length + 1}`, [...classRoomValues(room), room.id]);
  }

  async search(s: ClassSearch, page: PageRequest): Promise<PageOf<ClassListing>> {
    const p = new SqlParams();
    const where = ['c.active'];
    if (s.keyword !== undefined) {
      const k = p.add(s.keyword);
      where.push(`(${containsIgnoringCase('c.title', k)} OR ${containsIgnoringCase('u.name', k)})`);
    }
    if (s.startDateFrom !== undefined) where.push(`c.start_date >= ${p.add(s.startDateFrom)}::date`);
    if (s.endDateTo !== undefined) where.push(`c.end_date <= ${p.add(s.endDateTo)}::date`);
    if (s.startTimeFrom !== undefined) where.push(`c.start_time >= ${p.add(s.startTimeFrom)}::time`);
    if (s.endTimeTo !== undefined) where.push(`c.end_time <= ${p.add(s.endTimeTo)}::time`);
    const dir = sqlDirection(s.direction);
    const filter = `WHERE ${where.join(' AND ')}`;
    const total = await this.count(`SELECT count(*)::int AS n ${LISTING_FROM} ${filter}`, [...p.values]);
    const rows = (await this.dataSource.query(
      `${LISTING_SELECT} ${filter} ORDER BY ${SORT_COLUMNS[s.sortBy]} ${dir}, c.id ${dir} ${p.page(page)}`,
      p.values,
    )) as ListingRow[];
    return { items: rows.map(toListing), total };
  }

  async taughtBy(instructorId: number, page: PageRequest): Promise<PageOf<ClassListing>> {
    if (!isStorableId(instructorId)) return { items: [], total: 0 };
    const p = new SqlParams();
    const filter = `WHERE c.instructor_id = ${p.add(instructorId)}`;
    const total = await this.count(`SELECT count(*)::int AS n FROM classes c ${filter}`, [...p.values]);
    const rows = (await this.dataSource.query(`${LISTING_SELECT} ${filter} ORDER BY c.created_at DESC, c.id DESC ${p.page(page)}`, p.values)) as ListingRow[];
    return { items: rows.map(toListing), total };
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    const rows = (await this.dataSource.query(sql, params)) as { n: number }[];
    return Number(rows[0]?.n ?? 0);
  }
}
