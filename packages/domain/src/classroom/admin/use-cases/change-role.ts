import type { UserRepository } from '../../../identity/ports/user-repository';
import { parseRole } from '../../../identity/user';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';

/**
 * `POST /api/admin/users/{id}/role` (http.md §10), checks in order: `ADM_USR_001`; blank role →
 * `VALID_USR_014`; unknown → `VALID_USR_016`; `ADMIN` → `ADM_USR_004`; an ADMIN target → `ADM_USR_003`.
 * The role is case-insensitive and applies from the user's next request (roles are read per request).
 */
export class ChangeRole {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async execute(userId: number, value: string | undefined): Promise<Result<void, DomainError>> {
    const user = await this.users.findById(userId);
    if (!user) return err(domainError('ADM_USR_001'));
    if (value === undefined || value.trim() === '') return err(domainError('VALID_USR_014'));
    const role = parseRole(value);
    if (!role) return err(domainError('VALID_USR_016'));
    if (role === 'ADMIN') return err(domainError('ADM_USR_004'));
    if (user.role === 'ADMIN') return err(domainError('ADM_USR_003'));
    if (user.role !== role) await this.users.update({ ...user, role, updatedAt: this.clock.now() });
    return ok();
  }
}
