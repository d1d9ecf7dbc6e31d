import type { DataSource } from 'typeorm';
import type { ChatMessage, ChatRepository, NewChatMessage } from '@sooscode/domain';
import { isStorableId, returnedRows } from './sql-params';
import { decodeVerbatim, encodeVerbatim } from './verbatim-text';

interface ChatRow {
  id: string;
  class_id: string;
  user_id: string;
  username: string;
  content: string;
  created_at: Date;
  reply_to_chat_id: string | null;
  reply_to_username: string | null;
  reply_to_content: string | null;
  deleted: boolean;
  reaction_count: string | number;
}

const SELECT = `SELECT m.*, (SELECT count(*) FROM chat_reactions r WHERE r.chat_id = m.id) AS reaction_count FROM chat_messages m`;

function toMessage(row: ChatRow): ChatMessage {
  return {
    id: Number(row.id),
    classId: Number(row.class_id),
    userId: Number(row.user_id),
    username: row.username,
    content: decodeVerbatim(row.content),
    createdAt: new Date(row.created_at),
    replyToChatId: row.reply_to_chat_id === null ? null : Number(row.reply_to_chat_id),
    replyToUsername: row.reply_to_username,
    replyToContent: decodeVerbatim(row.reply_to_content),
    deleted: row.deleted,
    reactionCount: Number(row.reaction_count),
  };
}

/** `ChatRepository` on Postgres with explicit SQL; rows are mapped, never hydrated into domain objects. */
export class TypeOrmChatRepository implements ChatRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(m: NewChatMessage): Promise<ChatMessage> {
    const rows = (await this.dataSource.query(
      `INSERT INTO chat_messages (class_id, user_id, username, content, created_at, reply_to_chat_id, reply_to_username, reply_to_content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *, 0 AS reaction_count`,
      [m.classId, m.userId, m.username, encodeVerbatim(m.content), m.createdAt, m.replyToChatId, m.replyToUsername, m.replyToContent === null ? null : encodeVerbatim(m.replyToContent)],
    )) as ChatRow[];
    return toMessage(rows[0]!);
  }

  async findById(chatId: number): Promise<ChatMessage | null> {
    if (!isStorableId(chatId)) return null;
    const rows = (await this.dataSource.query(`${SELECT} WHERE m.id = $1`, [chatId])) as ChatRow[];
    return rows[0] ? toMessage(rows[0]) : null;
  }

  async markDeleted(chatId: number, content: string): Promise<boolean> {
    if (!isStorableId(chatId)) return false;
    const result: unknown = await this.dataSource.query(`UPDATE chat_messages SET deleted = TRUE, content = $2 WHERE id = $1 AND deleted = FALSE RETURNING id`, [chatId, encodeVerbatim(content)]);
    return returnedRows(result).length === 1;
  }

  async toggleReaction(chatId: number, userId: number): Promise<{ reacted: boolean; count: number }> {
    return this.dataSource.transaction(async (em) => {
      const removed = returnedRows(await em.query(`DELETE FROM chat_reactions WHERE chat_id = $1 AND user_id = $2 RETURNING chat_id`, [chatId, userId]));
      let reacted = false;
      if (removed.length === 0) {
        await em.query(`INSERT INTO chat_reactions (chat_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [chatId, userId]);
        reacted = true;
      }
      const [{ count }] = (await em.query(`SELECT count(*) AS count FROM chat_reactions WHERE chat_id = $1`, [chatId])) as [{ count: string }];
      return { reacted, count: Number(count) };
    });
  }

  async reactors(chatId: number): Promise<number[]> {
    const rows = (await this.dataSource.query(`SELECT user_id FROM chat_reactions WHERE chat_id = $1 ORDER BY user_id`, [chatId])) as { user_id: string }[];
    return rows.map((r) => Number(r.user_id));
  }

  async hasReacted(chatId: number, userId: number): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM chat_reactions WHERE chat_id = $1 AND user_id = $2`, [chatId, userId])) as unknown[];
    return rows.length > 0;
  }

  async history(classId: number, limit: number, beforeChatId?: number): Promise<{ messages: ChatMessage[]; total: number }> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM (${SELECT} WHERE m.class_id = $1 AND ($3::bigint IS NULL OR m.id < $3) ORDER BY m.id DESC LIMIT $2) page ORDER BY id ASC`,
      [classId, limit, beforeChatId ?? null],
    )) as ChatRow[];
    const [{ count }] = (await this.dataSource.query(`SELECT count(*) AS count FROM chat_messages WHERE class_id = $1`, [classId])) as [{ count: string }];
    return { messages: rows.map(toMessage), total: Number(count) };
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    return returnedRows(await this.dataSource.query(`DELETE FROM chat_messages WHERE created_at < $1 RETURNING id`, [cutoff])).length;
  }
}
