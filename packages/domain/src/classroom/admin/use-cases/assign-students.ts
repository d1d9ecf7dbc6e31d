import type { UserRepository } from '../../../identity/ports/user-repository';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { LiveClassroom } from '../../live-classroom';
import type { ClassroomRepository } from '../../ports/classroom-repository';
import type { EnrolmentRepository } from '../../ports/enrolment-repository';

/**
 * What happened to one student id: `assigned`/`unassigned` on success; else `unknownUser` (no such
 * user, or an id <= 0), `notStudent` (assign only), `alreadyAssigned` or `notAssigned`.
 */
export type StudentAssignmentOutcome = 'unknownUser' | 'notStudent' | 'alreadyAssigned' | 'assigned' | 'notAssigned' | 'unassigned';

/** The outcome for one student id of an assign or unassign request. */
export interface StudentAssignmentResult {
  readonly studentId: number;
  /** Null for an unknown user. */
  readonly studentName: string | null;
  readonly success: boolean;
  readonly outcome: StudentAssignmentOutcome;
}

/** The answer of an assign or unassign request. */
export interface StudentAssignmentReport {
  readonly totalCount: number;
  readonly successCount: number;
  readonly failureCount: number;
  readonly results: StudentAssignmentResult[];
}

function report(results: StudentAssignmentResult[]): StudentAssignmentReport {
  const successCount = results.filter((r) => r.success).length;
  return { totalCount: results.length, successCount, failureCount: results.length - successCount, results };
}

/** Shared frame of assign/unassign: `VALID_CLA_032` for no ids, then `CLASS_001`, then one result per id in order. */
abstract class StudentAssignment {
  constructor(
    protected readonly classes: ClassroomRepository,
    protected readonly enrolments: EnrolmentRepository,
    protected readonly users: UserRepository,
  ) {}

  async execute(classId: number, studentIds: readonly number[] | undefined): Promise<Result<StudentAssignmentReport, DomainError>> {
    if (!studentIds || studentIds.length === 0) return err(domainError('VALID_CLA_032'));
    if (!(await this.classes.findById(classId))) return err(domainError('CLASS_001'));
    const results: StudentAssignmentResult[] = [];
    for (const studentId of studentIds) results.push(await this.one(classId, studentId));
    return ok(report(results));
  }

  protected abstract one(classId: number, studentId: number): Promise<StudentAssignmentResult>;
}

/** `POST /api/admin/classes/{id}/students/assign` (http.md §11). */
export class AssignStudents extends StudentAssignment {
  constructor(classes: ClassroomRepository, enrolments: EnrolmentRepository, users: UserRepository, private readonly clock: Clock) {
    super(classes, enrolments, users);
  }

  protected async one(classId: number, studentId: number): Promise<StudentAssignmentResult> {
    const user = studentId > 0 ? await this.users.findById(studentId) : null;
    if (!user) return { studentId, studentName: null, success: false, outcome: 'unknownUser' };
    const base = { studentId, studentName: user.name };
    if (user.role !== 'STUDENT') return { ...base, success: false, outcome: 'notStudent' };
    const added = await this.enrolments.enrol({ classId, userId: studentId, enrolledAt: this.clock.now() });
    return added ? { ...base, success: true, outcome: 'assigned' } : { ...base, success: false, outcome: 'alreadyAssigned' };
  }
}

/**
 * `POST /api/admin/classes/{id}/students/delete` (http.md §11). A removed student who is present in the
 * live class is detached from it and the participant list is broadcast (stomp.md §5.9; no KICKED, no ban).
 */
export class UnassignStudents extends StudentAssignment {
  constructor(classes: ClassroomRepository, enrolments: EnrolmentRepository, users: UserRepository, private readonly live: LiveClassroom) {
    super(classes, enrolments, users);
  }

  protected async one(classId: number, studentId: number): Promise<StudentAssignmentResult> {
    const user = studentId > 0 ? await this.users.findById(studentId) : null;
    if (!user) return { studentId, studentName: null, success: false, outcome: 'unknownUser' };
    const base = { studentId, studentName: user.name };
    if (!(await this.enrolments.unenrol(classId, studentId))) return { ...base, success: false, outcome: 'notAssigned' };
    if (await this.live.remove(classId, studentId)) await this.live.broadcastParticipants(classId);
    return { ...base, success: true, outcome: 'unassigned' };
  }
}
