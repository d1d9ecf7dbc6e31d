import type {
  ActivateAccount, AssignStudents, BulkCreateAccounts, ChangeRole, ClassAccess, ClassListings, ClassroomRepository, CreateAccount, CreateClass, DeactivateAccount,
  DeleteClass, DeleteSnapshot, DescribeClass, EditAccount, EditClass, EndClass, EnrolmentRepository, EnterClassroom, FindSnapshots, KickParticipant,
  ListMyClasses, ReadSharedCode, ReadSnapshot, ResetAccountPassword, SaveSnapshot, UnassignStudents, UpdateSnapshot, UserDirectory, UserRepository, ViewParticipants,
} from '@sooscode/domain';
import type { Logger } from '../../system/logger';
import type { AuthGuards } from '../auth-middleware';

/** What the classroom, admin, my-page class and snapshot routes need. */
export interface ClassroomRouteDeps {
  readonly guards: AuthGuards;
  readonly logger: Logger;
  /** APP_TIME_ZONE: every LocalDateTime written and every date filter read. */
  readonly timeZone: string;
  /** DEFAULT_PROFILE_IMAGE_URL. */
  readonly defaultProfileImageUrl: string;
  readonly access: ClassAccess;
  readonly users: UserRepository;
  readonly classes: ClassroomRepository;
  readonly enrolments: EnrolmentRepository;
  readonly directory: UserDirectory;
  readonly listings: ClassListings;
  // class REST
  readonly enterClassroom: EnterClassroom;
  readonly viewParticipants: ViewParticipants;
  readonly readSharedCode: ReadSharedCode;
  readonly endClass: EndClass;
  readonly kickParticipant: KickParticipant;
  // my page
  readonly listMyClasses: ListMyClasses;
  readonly describeClass: DescribeClass;
  // admin classes
  readonly createClass: CreateClass;
  readonly editClass: EditClass;
  readonly deleteClass: DeleteClass;
  readonly assignStudents: AssignStudents;
  readonly unassignStudents: UnassignStudents;
  // admin users
  readonly createAccount: CreateAccount;
  readonly editAccount: EditAccount;
  readonly changeRole: ChangeRole;
  readonly activateAccount: ActivateAccount;
  readonly deactivateAccount: DeactivateAccount;
  readonly resetAccountPassword: ResetAccountPassword;
  readonly bulkCreateAccounts: BulkCreateAccounts;
  // snapshots
  readonly saveSnapshot: SaveSnapshot;
  readonly updateSnapshot: UpdateSnapshot;
  readonly findSnapshots: FindSnapshots;
  readonly readSnapshot: ReadSnapshot;
  readonly deleteSnapshot: DeleteSnapshot;
}
