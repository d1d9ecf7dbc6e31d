import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts. Emails are stored trimmed and lower-cased, so the unique index is case-insensitive in effect. */
export class Identity1764000000001 implements MigrationInterface {
  name = 'Identity1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id BIGSERIAL PRIMARY KEY,
        email VARCHAR(320) NOT NULL,
        name VARCHAR(64) NOT NULL,
        password_hash TEXT NOT NULL,
        role VARCHAR(16) NOT NULL CHECK (role IN ('STUDENT', 'INSTRUCTOR', 'ADMIN')),
        status VARCHAR(16) NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
        provider VARCHAR(16) NOT NULL CHECK (provider IN ('LOCAL', 'GOOGLE')),
        profile_image_url TEXT NULL,
        created_at TIMESTAMPTZ(3) NOT NULL,
        updated_at TIMESTAMPTZ(3) NOT NULL,
        last_login_at TIMESTAMPTZ(3) NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_role_created_idx ON users (role, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users`);
  }
}
