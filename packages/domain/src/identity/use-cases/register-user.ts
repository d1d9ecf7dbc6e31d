import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { checkConfirmation, checkEmail, checkName, checkNewPassword } from '../credential-rules';
import type { IdentityPolicy } from '../identity-policy';
import type { EmailVerificationStore } from '../ports/email-verification-store';
import type { PasswordHasher } from '../ports/password-hasher';
import type { UserRepository } from '../ports/user-repository';
import type { NewUser, User } from '../user';
import { newAccount, normalizeEmail } from '../user';

/** Input of self-registration. */
export interface RegisterInput {
  email?: string;
  name?: string;
  password?: string;
  confirmPassword?: string;
}

/**
 * Self-registration (http.md §2) in contract order: inactive email AUTH_103, taken AUTH_102,
 * name, email, password, confirmation, then a recent verified email code (AUTH_304) which is consumed.
 * Creates a LOCAL / STUDENT / ACTIVE account with the trimmed name.
 */
export class RegisterUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly verifications: EmailVerificationStore,
    private readonly clock: Clock,
    private readonly policy: IdentityPolicy,
  ) {}

  async execute(input: RegisterInput): Promise<Result<User, DomainError>> {
    const email = input.email === undefined ? '' : normalizeEmail(input.email);
    if (email !== '') {
      const existing = await this.users.findByEmail(email);
      if (existing) return err(domainError(existing.status === 'INACTIVE' ? 'AUTH_103' : 'AUTH_102'));
    }
    const invalid =
      checkName(input.name) ??
      checkEmail(input.email) ??
      checkNewPassword(input.password) ??
      checkConfirmation(input.password, input.confirmPassword);
    if (invalid) return err(invalid);
    const now = this.clock.now();
    if (this.policy.requireEmailVerification) {
      const v = await this.verifications.get(email);
      const fresh = v?.verifiedAt && now.getTime() - v.verifiedAt.getTime() <= this.policy.emailVerifiedValidS * 1000;
      if (!fresh) return err(domainError('AUTH_304'));
    }
    const user = await this.createOnce(newAccount({ email, name: input.name!.trim(), passwordHash: await this.hasher.hash(input.password!), role: 'STUDENT' }, now));
    if (!user) return err(domainError('AUTH_102'));
    if (this.policy.requireEmailVerification) await this.verifications.remove(email);
    return ok(user);
  }

  /** Creates the account, or returns null when a concurrent registration took the email first. */
  private async createOnce(user: NewUser): Promise<User | null> {
    try {
      return await this.users.create(user);
    } catch (e) {
      if (await this.users.findByEmail(user.email)) return null;
      throw e;
    }
  }
}
