import type {
  ActivateAccount, AssignStudents, BulkCreateAccounts, ChangeRole, ClassAccess, ClassListings, ClassroomRepository, CreateAccount, CreateClass, DeactivateAccount,
  DeleteClass, DeleteSnapshot, DescribeClass, EditAccount, EditClass, EndClass, EnrolmentRepository, EnterClassroom, FindSnapshots, KickParticipant,
  ListMyClasses, ReadSharedCode, ReadSnapshot, ResetAccountPassword, SaveSnapshot, UnassignStudents, UpdateSnapshot, UserDirectory, UserRepository, ViewParticipants,
} from '@sooscode/domain';
import type { Logger } from '../../system/logger';
import type { ImageUrls } from '../image-urls';
import type { AuthGuards } from '../auth-middleware';
import type { AdminExcel } from '../excel/admin-excel';

/** What the classroom, admin, my-page class and snapshot routes need. */
export interface ClassroomRouteDeps {
  readonly guards: AuthGuards;
  readonly logger: Logger;
  /** APP_TIME_ZONE: every LocalDateTime written and every date filter read. */
  readonly timeZone: string;
  /** Stored image fields → URLs for clients (DEFAULT_PROFILE_IMAGE_URL included). */
  readonly images: ImageUrls;
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
  /** The admin Excel template, import and exports (http.md §12). */
  readonly excel: AdminExcel;
  // snapshots
  readonly saveSnapshot: SaveSnapshot;
  readonly updateSnapshot: UpdateSnapshot;
  readonly findSnapshots: FindSnapshots;
  readonly readSnapshot: ReadSnapshot;
  readonly deleteSnapshot: DeleteSnapshot;
}
