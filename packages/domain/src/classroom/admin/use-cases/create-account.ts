import type { Mailer } from '../../../identity/ports/mailer';
import type { PasswordHasher } from '../../../identity/ports/password-hasher';
import type { UserRepository } from '../../../identity/ports/user-repository';
import type { User } from '../../../identity/user';
import { newAccount } from '../../../identity/user';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { SecureRandom } from '../../../shared/secure-random';
import { checkNewAccount, drawTemporaryPassword, isRuleError } from '../account-rules';

/** Input of an admin account creation. */
export interface CreateAccountInput {
  readonly email?: string;
  readonly name?: string;
  readonly role?: string;
}

/** A created account and its one-time temporary password (never stored in clear). */
export interface CreatedAccount {
  readonly user: User;
  readonly temporaryPassword: string;
  /** False when the mailer refused the message (the account exists anyway). */
  readonly mailed: boolean;
}

/**
 * `POST /api/admin/users/create` (http.md §10): name, email, role checks in that order, email taken
 * (any status) → `AUTH_102`. Creates a LOCAL, ACTIVE account with a 12-character `[A-Za-z0-9]`
 * temporary password from the CSPRNG, stored only as a hash, and mails it (best effort).
 */
export class CreateAccount {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly random: SecureRandom,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateAccountInput): Promise<Result<CreatedAccount, DomainError>> {
    const fields = checkNewAccount(input);
    if (isRuleError(fields)) return err(fields);
    if (await this.users.findByEmail(fields.email)) return err(domainError('AUTH_102'));
    const temporaryPassword = drawTemporaryPassword(this.random);
    const user = await this.users.create(newAccount({ ...fields, passwordHash: await this.hasher.hash(temporaryPassword) }, this.clock.now()));
    let mailed = true;
    try {
      await this.mailer.send({
        to: user.email,
        subject: '[SoosCode] 임시 비밀번호 안내',
        text: `${user.name}님, SoosCode 계정이 생성되었습니다.\n임시 비밀번호: ${temporaryPassword}\n로그인 후 비밀번호를 변경해주세요.`,
      });
    } catch {
      mailed = false;
    }
    return ok({ user, temporaryPassword, mailed });
  }
}
