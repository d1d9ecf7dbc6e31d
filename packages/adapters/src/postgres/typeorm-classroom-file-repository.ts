import type { DataSource } from 'typeorm';
import type { ClassroomFile, ClassroomFileRepository, NewClassroomFile, PageOf, PageRequest } from '@sooscode/domain';
import { isStorableId, SqlParams } from './sql-params';

interface ClassroomFileRow {
  id: string;
  file_id: string;
  class_id: string;
  lecture_date: string;
  file_name: string;
  storage_key: string;
  content_type: string;
  size: string;
  uploaded_by: string;
  uploader_name: string;
  created_at: Date;
}

const SELECT = `SELECT cf.id, cf.file_id, cf.class_id, to_char(cf.lecture_date, 'YYYY-MM-DD') AS lecture_date, f.file_name, f.storage_key,
  f.content_type, f.size, f.uploaded_by, u.name AS uploader_name, cf.created_at
  FROM classroom_files cf JOIN files f ON f.id = cf.file_id JOIN users u ON u.id = f.uploaded_by`;

function toFile(r: ClassroomFileRow): ClassroomFile {
  return {
    id: Number(r.id),
    fileId: Number(r.file_id),
    classId: Number(r.class_id),
    lectureDate: r.lecture_date,
    fileName: r.file_name,
    storageKey: r.storage_key,
    contentType: r.content_type,
    size: Number(r.size),
    uploadedBy: Number(r.uploaded_by),
    uploaderName: r.uploader_name,
    createdAt: new Date(r.created_at),
  };
}

/** `ClassroomFileRepository` on Postgres (`files`, `classroom_files`) with explicit SQL. */
export class TypeOrmClassroomFileRepository implements ClassroomFileRepository {
  constructor(private readonly dataSource: DataSource) {}

  async addAll(files: readonly NewClassroomFile[]): Promise<ClassroomFile[]> {
    const ids = await this.dataSource.transaction(async (m) => {
      const out: number[] = [];
      for (const f of files) {
        const [file] = (await m.query(
          `INSERT INTO files (storage_key, file_name, content_type, size, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [f.storageKey, f.fileName, f.contentType, f.size, f.uploadedBy, f.createdAt],
        )) as { id: string }[];
        const [link] = (await m.query(`INSERT INTO classroom_files (class_id, file_id, lecture_date, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [
          f.classId,
          file!.id,
          f.lectureDate,
          f.createdAt,
        ])) as { id: string }[];
        out.push(Number(link!.id));
      }
      return out;
    });
    const found = await this.findByIds(ids);
    return ids.map((id) => found.find((f) => f.id === id)!);
  }

  async listByClass(classId: number, page: PageRequest, lectureDate?: string): Promise<PageOf<ClassroomFile>> {
    if (!isStorableId(classId)) return { items: [], total: 0 };
    const p = new SqlParams();
    const where = [`cf.class_id = ${p.add(classId)}`];
    if (lectureDate !== undefined) where.push(`cf.lecture_date = ${p.add(lectureDate)}`);
    const filter = `WHERE ${where.join(' AND ')}`;
    const counted = (await this.dataSource.query(`SELECT count(*)::int AS n FROM classroom_files cf ${filter}`, [...p.values])) as { n: number }[];
    const rows = (await this.dataSource.query(`${SELECT} ${filter} ORDER BY cf.created_at DESC, cf.id DESC ${p.page(page)}`, p.values)) as ClassroomFileRow[];
    return { items: rows.map(toFile), total: Number(counted[0]?.n ?? 0) };
  }

  async findByIds(ids: readonly number[]): Promise<ClassroomFile[]> {
    const storable = ids.filter(isStorableId);
    if (storable.length === 0) return [];
    const rows = (await this.dataSource.query(`${SELECT} WHERE cf.id = ANY($1::bigint[])`, [storable])) as ClassroomFileRow[];
    return rows.map(toFile);
  }

  async deleteByIds(ids: readonly number[]): Promise<void> {
    const storable = ids.filter(isStorableId);
    if (storable.length === 0) return;
    await this.dataSource.query(`DELETE FROM files WHERE id IN (SELECT file_id FROM classroom_files WHERE id = ANY($1::bigint[]))`, [storable]);
  }
}
