import type { Role } from '../identity/user';
import { domainError } from '../shared/domain-error';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import type { ClassRoom } from './class-room';
import type { ClassroomRepository } from './ports/classroom-repository';
import type { EnrolmentRepository } from './ports/enrolment-repository';

/** Who is asking: the user id and the global role read from the user record. */
export interface Caller {
  readonly userId: number;
  readonly role: Role;
}

/**
 * How the caller relates to one class (http.md §0). `instructor` comes only from class data,
 * `student` from an enrolment, `admin` from the global role.
 */
export interface ClassMembership {
  /** `inst(c)` */
  readonly instructor: boolean;
  /** `stud(c)` */
  readonly student: boolean;
  /** role ADMIN */
  readonly admin: boolean;
}

/** A class the caller may act on, and how they relate to it. */
export interface ClassGrant {
  readonly room: ClassRoom;
  readonly membership: ClassMembership;
}

/** `member(c)` = `inst(c)` or `stud(c)`. */
export function isMember(m: ClassMembership): boolean {
  return m.instructor || m.student;
}

/**
 * The class-scoped permission checks of http.md §0, in their fixed order: the class exists
 * (`CLASS_001`), then the caller's relation (`CLASS_002`, `CLASS_012`).
 */
export class ClassAccess {
  constructor(
    private readonly classes: ClassroomRepository,
    private readonly enrolments: EnrolmentRepository,
  ) {}

  /** The class, or `CLASS_001`. */
  async find(classId: number): Promise<Result<ClassRoom>> {
    const room = await this.classes.findById(classId);
    return room ? ok(room) : err(domainError('CLASS_001'));
  }

  /** How `caller` relates to `room`. */
  async membershipOf(room: ClassRoom, caller: Caller): Promise<ClassMembership> {
    const instructor = room.instructorId === caller.userId;
    const student = !instructor && (await this.enrolments.isEnrolled(room.id, caller.userId));
    return { instructor, student, admin: caller.role === 'ADMIN' };
  }

  /** The class and relation, without any permission check beyond `CLASS_001`. */
  async resolve(classId: number, caller: Caller): Promise<Result<ClassGrant>> {
    const found = await this.find(classId);
    if (!found.ok) return found;
    return ok({ room: found.value, membership: await this.membershipOf(found.value, caller) });
  }

  /** `member(c)` or admin: `CLASS_001`, `CLASS_002`. */
  async forViewer(classId: number, caller: Caller): Promise<Result<ClassGrant>> {
    const grant = await this.resolve(classId, caller);
    if (!grant.ok) return grant;
    const m = grant.value.membership;
    return isMember(m) || m.admin ? grant : err(domainError('CLASS_002'));
  }

  /** `member(c)` only (admins are not members): `CLASS_001`, `CLASS_002`. */
  async forMember(classId: number, caller: Caller): Promise<Result<ClassGrant>> {
    const grant = await this.resolve(classId, caller);
    if (!grant.ok) return grant;
    return isMember(grant.value.membership) ? grant : err(domainError('CLASS_002'));
  }

  /** `staff(c)` = `inst(c)` or admin: `CLASS_001`, `CLASS_002` (not a member), `CLASS_012` (a student). */
  async forStaff(classId: number, caller: Caller): Promise<Result<ClassGrant>> {
    const grant = await this.resolve(classId, caller);
    if (!grant.ok) return grant;
    const m = grant.value.membership;
    if (m.instructor || m.admin) return grant;
    return err(domainError(m.student ? 'CLASS_012' : 'CLASS_002'));
  }
}
