import type { UserRepository } from '@sooscode/domain';
import type { NewUser, User } from '@sooscode/domain';

/** Users kept in process memory; ids start at 1. */
export class InMemoryUserRepository implements UserRepository {
  private readonly byId = new Map<number, User>();
  private nextId = 1;

  async findById(id: number): Promise<User | null> {
    return this.byId.get(id) ?? null;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.withEmail(email);
  }

  async create(user: NewUser): Promise<User> {
    // Checked and inserted synchronously: no other create can interleave (the unique index of the real table).
    if (this.withEmail(user.email)) throw new Error('duplicate email');
    const created: User = { ...user, id: this.nextId++ };
    this.byId.set(created.id, created);
    return created;
  }

  async update(user: User): Promise<void> {
    if (!this.byId.has(user.id)) throw new Error(`unknown user ${user.id}`);
    this.byId.set(user.id, { ...user });
  }

  async anyAdmin(): Promise<boolean> {
    for (const u of this.byId.values()) if (u.role === 'ADMIN') return true;
    return false;
  }

  private withEmail(email: string): User | null {
    for (const u of this.byId.values()) if (u.email === email) return u;
    return null;
  }

  /** Every stored user (for other in-memory repositories and tests). */
  all(): User[] {
    return [...this.byId.values()];
  }
}
