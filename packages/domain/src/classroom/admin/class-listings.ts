import type { UserRepository } from '../../identity/ports/user-repository';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { ClassRoom } from '../class-room';
import type { ClassListing } from '../ports/classroom-repository';
import type { EnrolmentRepository } from '../ports/enrolment-repository';

/** Builds the admin `ClassItem` data of one class and checks instructor ids. */
export class ClassListings {
  constructor(
    private readonly users: UserRepository,
    private readonly enrolments: EnrolmentRepository,
  ) {}

  /** The class with its instructor's name and its student count. */
  async of(room: ClassRoom): Promise<ClassListing> {
    const [instructor, studentCount] = await Promise.all([this.users.findById(room.instructorId), this.enrolments.countStudents(room.id)]);
    return { room, instructorName: instructor?.name ?? '', studentCount };
  }

  /** After validation: unknown user → `ADM_USR_001`; role other than INSTRUCTOR → `ADM_CLS_002`. */
  async checkInstructor(instructorId: number): Promise<DomainError | null> {
    const user = await this.users.findById(instructorId);
    if (!user) return domainError('ADM_USR_001');
    if (user.role !== 'INSTRUCTOR') return domainError('ADM_CLS_002');
    return null;
  }
}
