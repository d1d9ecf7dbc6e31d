import type { ClassroomRepository } from '../../classroom/ports/classroom-repository';
import type { EnrolmentRepository } from '../../classroom/ports/enrolment-repository';
import type { UserDirectory } from '../../classroom/admin/ports/user-directory';
import type { SnapshotRepository } from '../../collaboration/snapshots/ports/snapshot-repository';
import type { UserRepository } from '../../identity/ports/user-repository';

/**
 * The classroom ports of one backing store, tested together because they share tables
 * (users must exist before classes, classes before enrolments and snapshots).
 */
export interface ClassroomStores {
  readonly users: UserRepository;
  readonly classes: ClassroomRepository;
  readonly enrolments: EnrolmentRepository;
  readonly directory: UserDirectory;
  readonly snapshots: SnapshotRepository;
}
