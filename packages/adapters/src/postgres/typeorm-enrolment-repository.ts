import type { DataSource } from 'typeorm';
import type { EnrolledClass, EnrolledStudent, EnrolledStudentSearch, Enrolment, EnrolmentRepository, PageOf, PageRequest } from '@sooscode/domain';
import { CLASS_COLUMNS, toClassRoom } from './classroom-mapper';
import type { ClassRoomRow } from './rows/class-room-row';
import { containsIgnoringCase, isStorableId, returnedRows, SqlParams, sqlDirection } from './sql-params';

type EnrolledClassRow = ClassRoomRow & { instructor_name: string; enrolled_at: Date };
interface EnrolledStudentRow {
  id: string;
  name: string;
  email: string;
  profile_image_url: string | null;
  enrolled_at: Date;
}

/** `EnrolmentRepository` on Postgres (`class_participants`) with explicit SQL. */
export class TypeOrmEnrolmentRepository implements EnrolmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async isEnrolled(classId: number, userId: number): Promise<boolean> {
    if (!isStorableId(classId) || !isStorableId(userId)) return false;
    const rows = (await this.dataSource.query(`SELECT 1 FROM class_participants WHERE class_id = $1 AND user_id = $2`, [classId, userId])) as unknown[];
    return rows.length > 0;
  }

  async enrol(e: Enrolment): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO class_participants (class_id, user_id, enrolled_at) VALUES ($1, $2, $3) ON CONFLICT (class_id, user_id) DO NOTHING RETURNING id`,
      [e.classId, e.userId, e.enrolledAt],
    )) as unknown[];
    return rows.length === 1;
  }

  async unenrol(classId: number, userId: number): Promise<boolean> {
    if (!isStorableId(classId) || !isStorableId(userId)) return false;
    const rows = returnedRows(await this.dataSource.query(`DELETE FROM class_participants WHERE class_id = $1 AND user_id = $2 RETURNING id`, [classId, userId]));
    return rows.length > 0;
  }

  async countStudents(classId: number): Promise<number> {
    if (!isStorableId(classId)) return 0;
    const rows = (await this.dataSource.query(`SELECT count(*)::int AS n FROM class_participants WHERE class_id = $1`, [classId])) as { n: number }[];
    return Number(rows[0]?.n ?? 0);
  }

  async classesOf(userId: number, page?: PageRequest): Promise<PageOf<EnrolledClass>> {
    if (!isStorableId(userId)) return { items: [], total: 0 };
    const p = new SqlParams();
    const filter = `WHERE p.user_id = ${p.add(userId)}`;
    const countRows = (await this.dataSource.query(`SELECT count(*)::int AS n FROM class_participants p ${filter}`, [...p.values])) as { n: number }[];
    const rows = (await this.dataSource.query(
      `SELECT ${CLASS_COLUMNS}, u.name AS instructor_name, p.enrolled_at
       FROM class_participants p JOIN classes c ON c.id = p.class_id JOIN users u ON u.id = c.instructor_id
       ${filter} ORDER BY p.enrolled_at DESC, c.id DESC ${page ? p.page(page) : ''}`,
      p.values,
    )) as EnrolledClassRow[];
    return {
      items: rows.map((r) => ({ room: toClassRoom(r), instructorName: r.instructor_name, enrolledAt: new Date(r.enrolled_at) })),
      total: Number(countRows[0]?.n ?? 0),
    };
  }

  async studentsOf(classId: number, search: EnrolledStudentSearch, page: PageRequest): Promise<PageOf<EnrolledStudent>> {
    if (!isStorableId(classId)) return { items: [], total: 0 };
    const p = new SqlParams();
    const where = [`p.class_id = ${p.add(classId)}`];
    if (search.keyword !== undefined) {
      const k = p.add(search.keyword);
      where.push(`(${containsIgnoringCase('u.name', k)} OR ${containsIgnoringCase('u.email', k)})`);
    }
    const from = `FROM class_participants p JOIN users u ON u.id = p.user_id WHERE ${where.join(' AND ')}`;
    const countRows = (await this.dataSource.query(`SELECT count(*)::int AS n ${from}`, [...p.values])) as { n: number }[];
    const dir = sqlDirection(search.direction);
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.name, u.email, u.profile_image_url, p.enrolled_at ${from} ORDER BY p.enrolled_at ${dir}, u.id ${dir} ${p.page(page)}`,
      p.values,
    )) as EnrolledStudentRow[];
    return {
      items: rows.map((r) => ({ userId: Number(r.id), name: r.name, email: r.email, profileImageUrl: r.profile_image_url, enrolledAt: new Date(r.enrolled_at) })),
      total: Number(countRows[0]?.n ?? 0),
    };
  }
}
