import type { UserRepository } from '../../identity/ports/user-repository';
import type { Clock } from '../../shared/clock';
import { domainError, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import type { FileStorage } from '../ports/file-storage';
import { storedReference, storageKeyOf } from '../stored-reference';

/**
 * Sets (a stored object's key) or clears (`null`) the caller's profile image
 * (`POST /api/mypage/profile/image/update` and `/delete`). The previous stored image, if any, is
 * deleted after the record changed; a failure there is left to `onOrphan`.
 */
export class SetProfileImage {
  constructor(
    private readonly users: UserRepository,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
    private readonly onOrphan: (key: string, error: unknown) => void,
  ) {}

  async execute(userId: number, storageKey: string | null): Promise<Result<void, DomainError>> {
    const user = await this.users.findById(userId);
    if (!user) return err(domainError('GLOBAL_401'));
    const previous = storageKeyOf(user.profileImageUrl);
    await this.users.update({ ...user, profileImageUrl: storageKey === null ? null : storedReference(storageKey), updatedAt: this.clock.now() });
    if (previous !== null && previous !== storageKey) await this.storage.delete(previous).catch((e: unknown) => this.onOrphan(previous, e));
    return ok();
  }
}
