import { EntitySchema } from 'typeorm';

/** A `users` row exactly as stored (ids arrive from pg as strings). */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  status: string;
  provider: string;
  profile_image_url: string | null;
  created_at: Date;
  updated_at: Date;
  last_login_at: Date | null;
}

/** Row schema of `users`; the schema itself is created by migrations, never synchronised. */
export const UserRowSchema = new EntitySchema<UserRow>({
  name: 'UserRow',
  tableName: 'users',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    email: { type: 'varchar' },
    name: { type: 'varchar' },
    password_hash: { type: 'text' },
    role: { type: 'varchar' },
    status: { type: 'varchar' },
    provider: { type: 'varchar' },
    profile_image_url: { type: 'text', nullable: true },
    created_at: { type: 'timestamptz' },
    updated_at: { type: 'timestamptz' },
    last_login_at: { type: 'timestamptz', nullable: true },
  },
});
