import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { checkEmail, checkPasswordLength } from '../credential-rules';
import type { LoginThrottle } from '../login-throttle';
import type { PasswordHasher } from '../ports/password-hasher';
import type { UserRepository } from '../ports/user-repository';
import type { IssuedSession, SessionIssuer } from '../session-issuer';
import type { User } from '../user';
import { normalizeEmail } from '../user';

/**
 * Password login (http.md §2), checks in contract order: email rules, password length, lockout,
 * unknown email (AUTH_101), wrong password (AUTH_201), inactive account (AUTH_103, only after a
 * correct password). Success upgrades weaker hashes, stamps `lastLoginAt` and starts a new family.
 */
export class LogIn {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
  ) {}

  async execute(input: { email?: string; password?: string; clientIp: string }): Promise<Result<{ user: User; session: IssuedSession }, DomainError>> {
    const invalid = checkEmail(input.email) ?? checkPasswordLength(input.password);
    if (invalid) return err(invalid);
    const email = normalizeEmail(input.email!);
    const lockedFor = await this.throttle.lockedFor(email, input.clientIp);
    if (lockedFor > 0) return err(domainError('AUTH_204', undefined, lockedFor));
    const user = await this.users.findByEmail(email);
    if (!user) {
      await this.throttle.recordFailure(email, input.clientIp);
      return err(domainError('AUTH_101'));
    }
    const check = await this.hasher.verify(input.password!, user.passwordHash);
    if (!check.valid) {
      await this.throttle.recordFailure(email, input.clientIp);
      return err(domainError('AUTH_201'));
    }
    if (user.status !== 'ACTIVE') return err(domainError('AUTH_103'));
    await this.throttle.recordSuccess(email);
    const now = this.clock.now();
    const passwordHash = check.needsRehash ? await this.hasher.hash(input.password!) : user.passwordHash;
    const updated: User = { ...user, passwordHash, lastLoginAt: now };
    await this.users.update(updated);
    return ok({ user: updated, session: await this.sessions.start(updated) });
  }
}
