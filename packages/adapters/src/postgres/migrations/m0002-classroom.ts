import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Classes, enrolments (`class_participants`, one row per class and student) and code snapshots.
 * Dates and times are wall-clock values in APP_TIME_ZONE (DATE / TIME without zone); instants are TIMESTAMPTZ.
 */
export class Classroom1764000000002 implements MigrationInterface {
  name = 'Classroom1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE classes (
        id BIGSERIAL PRIMARY KEY,
        title VARCHAR(255) NOT NULL,
        description VARCHAR(1000) NULL,
        instructor_id BIGINT NOT NULL REFERENCES users (id),
        online BOOLEAN NOT NULL,
        active BOOLEAN NOT NULL,
        mode VARCHAR(8) NOT NULL CHECK (mode IN ('READ', 'FREE')),
        start_date DATE NOT NULL,
        end_date DATE NOT NULL,
        start_time TIME(0) NOT NULL,
        end_time TIME(0) NOT NULL,
        thumbnail_url TEXT NULL,
        created_at TIMESTAMPTZ(3) NOT NULL,
        updated_at TIMESTAMPTZ(3) NOT NULL,
        CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX classes_instructor_created_idx ON classes (instructor_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX classes_active_created_idx ON classes (created_at DESC, id DESC) WHERE active`);
    await q.query(`
      CREATE TABLE class_participants (
        id BIGSERIAL PRIMARY KEY,
        class_id BIGINT NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        enrolled_at TIMESTAMPTZ(3) NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX class_participants_class_user_key ON class_participants (class_id, user_id)`);
    await q.query(`CREATE INDEX class_participants_user_enrolled_idx ON class_participants (user_id, enrolled_at DESC)`);
    await q.query(`CREATE INDEX class_participants_class_enrolled_idx ON class_participants (class_id, enrolled_at)`);
    await q.query(`
      CREATE TABLE code_snapshots (
        id BIGSERIAL PRIMARY KEY,
        user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        class_id BIGINT NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        title VARCHAR(255) NOT NULL,
        content TEXT NOT NULL,
        language VARCHAR(16) NOT NULL CHECK (language IN ('JAVA', 'PYTHON', 'CSS_HTML_JS')),
        created_at TIMESTAMPTZ(3) NOT NULL,
        updated_at TIMESTAMPTZ(3) NOT NULL
      )`);
    await q.query(`CREATE INDEX code_snapshots_owner_created_idx ON code_snapshots (user_id, class_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE code_snapshots`);
    await q.query(`DROP TABLE class_participants`);
    await q.query(`DROP TABLE classes`);
  }
}
