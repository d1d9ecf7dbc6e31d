import type { Caller, ClassAccess } from '../../classroom/class-access';
import type { ClassroomRepository } from '../../classroom/ports/classroom-repository';
import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import type { FileStorage } from '../ports/file-storage';
import { storedReference, storageKeyOf } from '../stored-reference';

/**
 * Sets a class's thumbnail to a stored image (`POST /api/mypage/classroom/{classId}/thumbnail`):
 * `staff(c)` only (`CLASS_001`, `CLASS_002`, `CLASS_012`; FIX: the original let anyone). The
 * previous stored thumbnail is deleted after the record changed.
 */
export class SetClassThumbnail {
  constructor(
    private readonly access: ClassAccess,
    private readonly classes: ClassroomRepository,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
    private readonly onOrphan: (key: string, error: unknown) => void,
  ) {}

  /** `staff(c)` check alone, so the transport can refuse before reading the image. */
  async authorize(classId: number, caller: Caller): Promise<Result<void, DomainError>> {
    const grant = await this.access.forStaff(classId, caller);
    return grant.ok ? ok() : err(grant.error);
  }

  async execute(classId: number, storageKey: string, caller: Caller): Promise<Result<void, DomainError>> {
    const grant = await this.access.forStaff(classId, caller);
    if (!grant.ok) return err(grant.error);
    const room = grant.value.room;
    const previous = storageKeyOf(room.thumbnailUrl);
    await this.classes.update({ ...room, thumbnailUrl: storedReference(storageKey), updatedAt: this.clock.now() });
    if (previous !== null && previous !== storageKey) await this.storage.delete(previous).catch((e: unknown) => this.onOrphan(previous, e));
    return ok();
  }
}
