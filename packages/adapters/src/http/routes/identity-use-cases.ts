import type {
  ChangePassword,
  CheckEmailAvailability,
  Clock,
  EndUserAccess,
  LogIn,
  LogOut,
  RefreshSession,
  RegisterUser,
  ResetPassword,
  SendEmailCode,
  SendPasswordResetCode,
  UpdateProfile,
  UserRepository,
  VerifyEmailCode,
} from '@sooscode/domain';
import type { AuthCookieOptions } from '../auth-cookies';
import type { AuthGuards } from '../auth-middleware';
import type { ImageUrls } from '../image-urls';

/** What the identity routes need. */
export interface IdentityRouteDeps {
  readonly guards: AuthGuards;
  readonly cookies: AuthCookieOptions;
  readonly clock: Clock;
  readonly users: UserRepository;
  readonly logIn: LogIn;
  readonly logOut: LogOut;
  readonly refresh: RefreshSession;
  readonly register: RegisterUser;
  readonly sendEmailCode: SendEmailCode;
  readonly verifyEmailCode: VerifyEmailCode;
  readonly checkEmail: CheckEmailAvailability;
  readonly sendPasswordResetCode: SendPasswordResetCode;
  readonly resetPassword: ResetPassword;
  readonly changePassword: ChangePassword;
  readonly updateProfile: UpdateProfile;
  readonly endUserAccess: EndUserAccess;
  /** Stored profile images → URLs for clients (DEFAULT_PROFILE_IMAGE_URL when there is none). */
  readonly images: ImageUrls;
}
