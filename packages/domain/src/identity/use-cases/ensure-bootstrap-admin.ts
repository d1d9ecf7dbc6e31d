import type { Clock } from '../../shared/clock';
import type { PasswordHasher } from '../ports/password-hasher';
import type { UserRepository } from '../ports/user-repository';
import { newAccount, normalizeEmail } from '../user';

/**
 * Creates the bootstrap admin when no ADMIN exists yet. Returns true when an account was created.
 * If a non-admin account already uses the email, nothing is created (the operator must pick another email).
 */
export class EnsureBootstrapAdmin {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(input: { email: string; password: string; name?: string }): Promise<'created' | 'exists' | 'email-taken'> {
    if (await this.users.anyAdmin()) return 'exists';
    const email = normalizeEmail(input.email);
    if (await this.users.findByEmail(email)) return 'email-taken';
    const now = this.clock.now();
    await this.users.create(newAccount({ email, name: input.name ?? '관리자', passwordHash: await this.hasher.hash(input.password), role: 'ADMIN' }, now));
    return 'created';
  }
}
