import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored files (the bytes live in the `FileStorage`; a row holds its key) and the lecture materials
 * linking them to a class and a lecture date. Deleting a class deletes its links (the files rows and
 * objects of a deleted class are left to the operator).
 */
export class Files1764000000020 implements MigrationInterface {
  name = 'Files1764000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE files (
        id BIGSERIAL PRIMARY KEY,
        storage_key VARCHAR(512) NOT NULL UNIQUE,
        file_name VARCHAR(255) NOT NULL,
        content_type VARCHAR(127) NOT NULL,
        size BIGINT NOT NULL,
        uploaded_by BIGINT NOT NULL REFERENCES users (id),
        created_at TIMESTAMPTZ(3) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE classroom_files (
        id BIGSERIAL PRIMARY KEY,
        class_id BIGINT NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        file_id BIGINT NOT NULL UNIQUE REFERENCES files (id) ON DELETE CASCADE,
        lecture_date DATE NOT NULL,
        created_at TIMESTAMPTZ(3) NOT NULL
      )`);
    await q.query(`CREATE INDEX classroom_files_class_idx ON classroom_files (class_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE classroom_files`);
    await q.query(`DROP TABLE files`);
  }
}
