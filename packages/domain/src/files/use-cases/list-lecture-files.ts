import type { Caller, ClassAccess } from '../../classroom/class-access';
import type { PageOf, PageRequest } from '../../classroom/paging';
import type { DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import type { ClassroomFile } from '../classroom-file';
import type { ClassroomFileRepository } from '../ports/classroom-file-repository';

/**
 * The lecture materials of a class, newest first (`GET /api/mypage/{classId}/files` and
 * `/files/by-date`): `member(c)` or admin (`CLASS_001`, `CLASS_002`).
 */
export class ListLectureFiles {
  constructor(
    private readonly access: ClassAccess,
    private readonly files: ClassroomFileRepository,
  ) {}

  async execute(classId: number, caller: Caller, page: PageRequest, lectureDate?: string): Promise<Result<PageOf<ClassroomFile>, DomainError>> {
    const grant = await this.access.forViewer(classId, caller);
    if (!grant.ok) return err(grant.error);
    return ok(await this.files.listByClass(classId, page, lectureDate));
  }
}
