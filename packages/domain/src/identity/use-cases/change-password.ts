import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { checkConfirmation, checkNewPassword } from '../credential-rules';
import type { LoginThrottle } from '../login-throttle';
import type { PasswordHasher } from '../ports/password-hasher';
import type { RefreshTokenStore } from '../ports/refresh-token-store';
import type { SessionTerminator } from '../ports/session-terminator';
import type { UserRepository } from '../ports/user-repository';
import type { Principal } from '../principal';

/**
 * Password change (http.md §7): wrong current password AUTH_601 (counted toward the login lockout);
 * new equals current AUTH_602; new-password and confirmation rules. On success every *other* family
 * of the user is revoked and its live sessions closed.
 */
export class ChangePassword {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly store: RefreshTokenStore,
    private readonly terminator: SessionTerminator,
    private readonly clock: Clock,
  ) {}

  async execute(
    principal: Principal,
    input: { currentPassword?: string; newPassword?: string; confirmPassword?: string; clientIp: string },
  ): Promise<Result<void, DomainError>> {
    const user = await this.users.findById(principal.userId);
    if (!user) return err(domainError('GLOBAL_401'));
    const current = await this.hasher.verify(input.currentPassword ?? '', user.passwordHash);
    if (!current.valid) {
      await this.throttle.recordFailure(user.email, input.clientIp);
      return err(domainError('AUTH_601'));
    }
    if (input.newPassword === input.currentPassword) return err(domainError('AUTH_602'));
    const invalid = checkNewPassword(input.newPassword) ?? checkConfirmation(input.newPassword, input.confirmPassword);
    if (invalid) return err(invalid);
    await this.users.update({ ...user, passwordHash: await this.hasher.hash(input.newPassword!), updatedAt: this.clock.now() });
    const revoked = await this.store.revokeAllForUser(user.id, principal.familyId);
    if (revoked.length) await this.terminator.closeFamilies(revoked);
    return ok();
  }
}
