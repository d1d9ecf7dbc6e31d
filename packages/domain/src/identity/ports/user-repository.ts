import type { NewUser, User } from '../user';

/** Persistence of accounts. Emails are compared case-insensitively (they are stored lower-cased). */
export interface UserRepository {
  /** The user with `id`, or null. */
  findById(id: number): Promise<User | null>;
  /** The user whose email equals `email` (already normalised), whatever the status, or null. */
  findByEmail(email: string): Promise<User | null>;
  /** Stores a new user and returns it with its assigned id. A duplicate email throws. */
  create(user: NewUser): Promise<User>;
  /** Replaces every mutable field of an existing user. */
  update(user: User): Promise<void>;
  /** True when at least one account has role ADMIN. */
  anyAdmin(): Promise<boolean>;
}
