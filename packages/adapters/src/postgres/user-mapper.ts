import type { AuthProvider, NewUser, Role, User, UserStatus } from '@sooscode/domain';
import type { UserRow } from './rows/user-row';

/** Row → domain. */
export function toUser(row: UserRow): User {
  return {
    id: Number(row.id),
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    role: row.role as Role,
    status: row.status as UserStatus,
    provider: row.provider as AuthProvider,
    profileImageUrl: row.profile_image_url,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at) : null,
  };
}

/** Domain → row fields (without id). */
export function toUserRow(user: NewUser): Omit<UserRow, 'id'> {
  return {
    email: user.email,
    name: user.name,
    password_hash: user.passwordHash,
    role: user.role,
    status: user.status,
    provider: user.provider,
    profile_image_url: user.profileImageUrl,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    last_login_at: user.lastLoginAt,
  };
}
