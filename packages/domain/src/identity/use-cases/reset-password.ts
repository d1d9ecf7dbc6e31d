import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { checkEmail, checkNewPassword } from '../credential-rules';
import { EmailCodeCheck } from '../email-codes/email-code-check';
import type { IdentityPolicy } from '../identity-policy';
import type { LoginThrottle } from '../login-throttle';
import type { EmailVerificationStore } from '../ports/email-verification-store';
import type { KeyedHasher } from '../ports/keyed-hasher';
import type { PasswordHasher } from '../ports/password-hasher';
import type { RefreshTokenStore } from '../ports/refresh-token-store';
import type { SessionTerminator } from '../ports/session-terminator';
import type { UserRepository } from '../ports/user-repository';
import { normalizeEmail } from '../user';

/** Input of `POST /api/auth/password/reset`. */
export interface ResetPasswordInput {
  readonly email?: string;
  readonly code?: string;
  readonly newPassword?: string;
}

/**
 * `POST /api/auth/password/reset` (http.md §15), in contract order: email rules; new-password rules
 * (`VALID_USR_009/010/011`, then the pattern `VALID_USR_012`); then the reset code as `EmailCodeCheck`
 * checks it (no code `AUTH_301`, attempts used up 429 `AUTH_305`, expired 410 `AUTH_302`, wrong
 * `AUTH_301`). A matching code is consumed at once; the password is replaced, every session family of
 * the user is revoked and its live sessions closed, and the account's login lock is lifted. An account
 * that stopped being ACTIVE and LOCAL since the code was sent answers `AUTH_301`, as if it had no code.
 */
export class ResetPassword {
  private readonly codes: EmailCodeCheck;

  constructor(
    private readonly users: UserRepository,
    private readonly resetCodes: EmailVerificationStore,
    keyed: KeyedHasher,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly store: RefreshTokenStore,
    private readonly terminator: SessionTerminator,
    private readonly clock: Clock,
    policy: IdentityPolicy,
  ) {
    this.codes = new EmailCodeCheck(resetCodes, keyed, clock, policy, 'password-reset');
  }

  async execute(input: ResetPasswordInput): Promise<Result<void, DomainError>> {
    const invalid = checkEmail(input.email) ?? checkNewPassword(input.newPassword);
    if (invalid) return err(invalid);
    const email = normalizeEmail(input.email!);
    const checked = await this.codes.check(email, input.code);
    if (!checked.ok) return checked;
    await this.resetCodes.remove(email);
    const user = await this.users.findByEmail(email);
    if (!user || user.status !== 'ACTIVE' || user.provider !== 'LOCAL') return err(domainError('AUTH_301'));
    await this.users.update({ ...user, passwordHash: await this.hasher.hash(input.newPassword!), updatedAt: this.clock.now() });
    await this.store.revokeAllForUser(user.id);
    await this.terminator.closeUser(user.id);
    await this.throttle.clearAccount(email);
    return ok();
  }
}
