import type { Caller, ClassAccess } from '../../classroom/class-access';
import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import type { ClassroomFile } from '../classroom-file';
import type { ClassroomFileRepository } from '../ports/classroom-file-repository';

/** A file already written to storage by the transport, waiting to be recorded. */
export interface StoredUpload {
  readonly fileName: string;
  readonly storageKey: string;
  readonly contentType: string;
  /** Bytes. */
  readonly size: number;
}

/**
 * Records uploaded lecture materials (http.md §12, `POST /api/mypage/files/upload`): only
 * `staff(c)` may (`CLASS_001`, `CLASS_002`, `CLASS_012`; FIX: the original let any non-student).
 * The bytes are stored first by the transport (they arrive before the request is complete); when
 * this refuses, the caller deletes them.
 */
export class RecordLectureFiles {
  constructor(
    private readonly access: ClassAccess,
    private readonly files: ClassroomFileRepository,
    private readonly clock: Clock,
  ) {}

  /** `staff(c)` check alone, so the transport can refuse before reading the files when it can. */
  async authorize(classId: number, caller: Caller): Promise<Result<void, DomainError>> {
    const grant = await this.access.forStaff(classId, caller);
    return grant.ok ? ok() : err(grant.error);
  }

  async execute(classId: number, lectureDate: string, uploads: readonly StoredUpload[], caller: Caller): Promise<Result<ClassroomFile[], DomainError>> {
    const allowed = await this.authorize(classId, caller);
    if (!allowed.ok) return allowed;
    const now = this.clock.now();
    const recorded = await this.files.addAll(uploads.map((u) => ({ ...u, classId, lectureDate, uploadedBy: caller.userId, createdAt: now })));
    return ok(recorded);
  }
}
