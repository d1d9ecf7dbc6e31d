import type { UserRepository } from '../../../identity/ports/user-repository';
import type { EndUserAccess } from '../../../identity/use-cases/end-user-access';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';

/** `POST /api/admin/users/{id}/activate` (http.md §10): `ADM_USR_001`; an ADMIN target → `ADM_USR_003`; status becomes ACTIVE. */
export class ActivateAccount {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async execute(userId: number): Promise<Result<void, DomainError>> {
    const user = await this.users.findById(userId);
    if (!user) return err(domainError('ADM_USR_001'));
    if (user.role === 'ADMIN') return err(domainError('ADM_USR_003'));
    if (user.status !== 'ACTIVE') await this.users.update({ ...user, status: 'ACTIVE', updatedAt: this.clock.now() });
    return ok();
  }
}

/**
 * Admin delete / deactivate (http.md §10, three paths): `ADM_USR_001`; an ADMIN target → `ADM_USR_002`;
 * then {@link EndUserAccess}: status INACTIVE, every session family revoked, live sessions closed.
 */
export class DeactivateAccount {
  constructor(
    private readonly users: UserRepository,
    private readonly endAccess: EndUserAccess,
  ) {}

  async execute(userId: number): Promise<Result<void, DomainError>> {
    const user = await this.users.findById(userId);
    if (!user) return err(domainError('ADM_USR_001'));
    if (user.role === 'ADMIN') return err(domainError('ADM_USR_002'));
    await this.endAccess.execute(userId);
    return ok();
  }
}
