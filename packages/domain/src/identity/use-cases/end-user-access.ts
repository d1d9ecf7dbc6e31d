import type { Clock } from '../../shared/clock';
import type { RefreshTokenStore } from '../ports/refresh-token-store';
import type { SessionTerminator } from '../ports/session-terminator';
import type { UserRepository } from '../ports/user-repository';

/**
 * Deactivates an account and ends its access at once (self-delete, admin deactivate/delete):
 * status INACTIVE, every family revoked, every live session closed. Returns false for an unknown user.
 */
export class EndUserAccess {
  constructor(
    private readonly users: UserRepository,
    private readonly store: RefreshTokenStore,
    private readonly terminator: SessionTerminator,
    private readonly clock: Clock,
  ) {}

  async execute(userId: number): Promise<boolean> {
    const user = await this.users.findById(userId);
    if (!user) return false;
    if (user.status !== 'INACTIVE') await this.users.update({ ...user, status: 'INACTIVE', updatedAt: this.clock.now() });
    await this.store.revokeAllForUser(userId);
    await this.terminator.closeUser(userId);
    return true;
  }
}
