import type { CodeDocument, CodeDocumentStore } from '../../ports/code-document-store';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { ClassAccess, Caller } from '../../../classroom/class-access';
import type { EnrolmentRepository } from '../../../classroom/ports/enrolment-repository';

/** Whose code to read: the instructor's shared code, or one student's code. */
export type SharedCodeOwner = { readonly kind: 'instructor' } | { readonly kind: 'student'; readonly studentId: number };

/**
 * Reads the latest synced code of a class (http.md §4). The instructor's code: `member(c)` or admin.
 * A student's code: `inst(c)`, admin, or that student (`CLASS_002` for anyone else), then the student
 * must be `stud(c)` (`PART_001`). Resolves to null when nothing is stored.
 */
export class ReadSharedCode {
  constructor(
    private readonly access: ClassAccess,
    private readonly enrolments: EnrolmentRepository,
    private readonly codes: CodeDocumentStore,
  ) {}

  async execute(classId: number, caller: Caller, owner: SharedCodeOwner): Promise<Result<CodeDocument | null, DomainError>> {
    if (owner.kind === 'instructor') {
      const grant = await this.access.forViewer(classId, caller);
      if (!grant.ok) return grant;
      return ok(await this.codes.get(classId, { kind: 'instructor' }));
    }
    const grant = await this.access.resolve(classId, caller);
    if (!grant.ok) return grant;
    const m = grant.value.membership;
    const self = m.student && caller.userId === owner.studentId;
    if (!m.instructor && !m.admin && !self) return err(domainError('CLASS_002'));
    if (!self && !(await this.enrolments.isEnrolled(classId, owner.studentId))) return err(domainError('PART_001'));
    return ok(await this.codes.get(classId, { kind: 'student', userId: owner.studentId }));
  }
}
