import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Durable chat: messages (ids from one global sequence) and reactions, kept when a class ends. */
export class Chat1764000000010 implements MigrationInterface {
  name = 'Chat1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE chat_messages (
        id BIGSERIAL PRIMARY KEY,
        class_id BIGINT NOT NULL REFERENCES classes (id),
        user_id BIGINT NOT NULL REFERENCES users (id),
        username VARCHAR(64) NOT NULL,
        content VARCHAR(500) NOT NULL,
        created_at TIMESTAMPTZ(3) NOT NULL,
        reply_to_chat_id BIGINT NULL REFERENCES chat_messages (id) ON DELETE SET NULL,
        reply_to_username VARCHAR(64) NULL,
        reply_to_content VARCHAR(500) NULL,
        deleted BOOLEAN NOT NULL DEFAULT FALSE
      )`);
    await q.query(`CREATE INDEX chat_messages_class_id_idx ON chat_messages (class_id, id DESC)`);
    await q.query(`CREATE INDEX chat_messages_created_at_idx ON chat_messages (created_at)`);
    await q.query(`
      CREATE TABLE chat_reactions (
        chat_id BIGINT NOT NULL REFERENCES chat_messages (id) ON DELETE CASCADE,
        user_id BIGINT NOT NULL REFERENCES users (id),
        created_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (chat_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chat_reactions`);
    await q.query(`DROP TABLE chat_messages`);
  }
}
