import type { UserRepository } from '../../../identity/ports/user-repository';
import { normalizeEmail } from '../../../identity/user';
import { checkEmail, checkName } from '../../../identity/credential-rules';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { checkAssignableRole, isRuleError } from '../account-rules';
import type { CreateAccountInput } from './create-account';

/**
 * `POST /api/admin/users/{id}/edit` (http.md §10): `ADM_USR_001`; an ADMIN target → `ADM_USR_003`;
 * name, email and role as for create; an email of another account → `AUTH_102`. Stores the trimmed
 * name, the normalised email and the role.
 */
export class EditAccount {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async execute(userId: number, input: CreateAccountInput): Promise<Result<void, DomainError>> {
    const user = await this.users.findById(userId);
    if (!user) return err(domainError('ADM_USR_001'));
    if (user.role === 'ADMIN') return err(domainError('ADM_USR_003'));
    const invalid = checkName(input.name) ?? checkEmail(input.email);
    if (invalid) return err(invalid);
    const role = checkAssignableRole(input.role);
    if (isRuleError(role)) return err(role);
    const email = normalizeEmail(input.email!);
    const owner = await this.users.findByEmail(email);
    if (owner && owner.id !== user.id) return err(domainError('AUTH_102'));
    await this.users.update({ ...user, email, name: input.name!.trim(), role, updatedAt: this.clock.now() });
    return ok();
  }
}
