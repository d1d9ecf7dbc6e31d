import type { LoginThrottle } from '../../../identity/login-throttle';
import type { PasswordHasher } from '../../../identity/ports/password-hasher';
import type { RefreshTokenStore } from '../../../identity/ports/refresh-token-store';
import type { SessionTerminator } from '../../../identity/ports/session-terminator';
import type { UserRepository } from '../../../identity/ports/user-repository';
import type { User } from '../../../identity/user';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { SecureRandom } from '../../../shared/secure-random';
import { drawTemporaryPassword } from '../account-rules';

/** An account whose password an admin replaced, with the new one-time temporary password. */
export interface ResetAccount {
  readonly user: User;
  readonly temporaryPassword: string;
}

/**
 * `POST /api/admin/users/{id}/password/reset` (http.md §15): unknown id `ADM_USR_001`; an ADMIN target
 * 403 `ADM_USR_003`. The password becomes a temporary one drawn as for admin create (12 characters of
 * `[A-Za-z0-9]`, CSPRNG, stored only as a hash and returned once); every session family of the user is
 * revoked and its live sessions closed, and the account's login lock is lifted (so the new password
 * works at once). The status is left as it is.
 */
export class ResetAccountPassword {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly random: SecureRandom,
    private readonly store: RefreshTokenStore,
    private readonly terminator: SessionTerminator,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
  ) {}

  async execute(userId: number): Promise<Result<ResetAccount, DomainError>> {
    const user = await this.users.findById(userId);
    if (!user) return err(domainError('ADM_USR_001'));
    if (user.role === 'ADMIN') return err(domainError('ADM_USR_003'));
    const temporaryPassword = drawTemporaryPassword(this.random);
    const updated = { ...user, passwordHash: await this.hasher.hash(temporaryPassword), updatedAt: this.clock.now() };
    await this.users.update(updated);
    await this.store.revokeAllForUser(user.id);
    await this.terminator.closeUser(user.id);
    await this.throttle.clearAccount(user.email);
    return ok({ user: updated, temporaryPassword });
  }
}
