/** Global role of an account. Class-level instructor status never comes from this (http.md §0). */
export type Role = 'STUDENT' | 'INSTRUCTOR' | 'ADMIN';
export const ROLES: readonly Role[] = ['STUDENT', 'INSTRUCTOR', 'ADMIN'];

/** Account status; an INACTIVE account cannot log in or use any session. */
export type UserStatus = 'ACTIVE' | 'INACTIVE';

/** How the account was created. */
export type AuthProvider = 'LOCAL' | 'GOOGLE';

/** A user account as the domain sees it. Emails are stored trimmed and lower-cased. */
export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  /** Password hash (argon2id or legacy bcrypt); an unusable random hash for Google accounts. */
  readonly passwordHash: string;
  readonly role: Role;
  readonly status: UserStatus;
  readonly provider: AuthProvider;
  /** Public URL of the uploaded profile image, or null for the default. */
  readonly profileImageUrl: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lastLoginAt: Date | null;
}

/** The fields needed to create an account; the repository assigns `id`. */
export type NewUser = Omit<User, 'id'>;

/** A new ACTIVE account created at `now` (no login yet, default profile image). `provider` defaults to LOCAL. */
export function newAccount(fields: { email: string; name: string; passwordHash: string; role: Role; provider?: AuthProvider }, now: Date): NewUser {
  return {
    email: fields.email,
    name: fields.name,
    passwordHash: fields.passwordHash,
    role: fields.role,
    status: 'ACTIVE',
    provider: fields.provider ?? 'LOCAL',
    profileImageUrl: null,
    createdAt: now,
    updatedAt: now,
    lastLoginAt: null,
  };
}

/** Parses a role case-insensitively, or returns null. */
export function parseRole(value: string): Role | null {
  const upper = value.trim().toUpperCase();
  return (ROLES as readonly string[]).includes(upper) ? (upper as Role) : null;
}

/** Normalises an email for storage and lookup: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
