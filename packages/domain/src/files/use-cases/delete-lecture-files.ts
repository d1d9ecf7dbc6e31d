import type { Caller, ClassAccess } from '../../classroom/class-access';
import { domainError, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import type { ClassroomFileRepository } from '../ports/classroom-file-repository';
import type { FileStorage } from '../ports/file-storage';

/** Most ids one batch delete takes. */
export const MAX_BATCH_DELETE = 100;

/**
 * Deletes lecture materials by `classroomFileId` (`DELETE /api/mypage/files/batch`), all or none:
 * every id must exist (`FILE_001`) and each file must be the caller's own upload, or the caller
 * `inst(c)` of its class, or an admin (`FILE_010`). The records go first, in one transaction, then
 * the stored objects; an object that cannot be deleted is left for `onOrphan` (logged), never
 * failing the request once the records are gone.
 */
export class DeleteLectureFiles {
  constructor(
    private readonly access: ClassAccess,
    private readonly files: ClassroomFileRepository,
    private readonly storage: FileStorage,
    private readonly onOrphan: (key: string, error: unknown) => void,
  ) {}

  async execute(ids: readonly number[], caller: Caller): Promise<Result<void, DomainError>> {
    const unique = [...new Set(ids)];
    const found = await this.files.findByIds(unique);
    if (found.length !== unique.length) return err(domainError('FILE_001'));
    for (const file of found) {
      if (file.uploadedBy === caller.userId || caller.role === 'ADMIN') continue;
      const grant = await this.access.resolve(file.classId, caller);
      if (!grant.ok || !grant.value.membership.instructor) return err(domainError('FILE_010'));
    }
    await this.files.deleteByIds(unique);
    for (const file of found) {
      await this.storage.delete(file.storageKey).catch((e: unknown) => this.onOrphan(file.storageKey, e));
    }
    return ok();
  }
}
