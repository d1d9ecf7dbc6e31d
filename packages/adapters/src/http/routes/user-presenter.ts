import type { User } from '@sooscode/domain';

/** `profileImage` is always a full URL: the user's image or the default (http.md §1.4). */
export function profileImageOf(user: Pick<User, 'profileImageUrl'>, defaultUrl: string): string {
  return user.profileImageUrl ?? defaultUrl;
}

/** `data` of `GET /api/me`. */
export function presentMe(user: Pick<User, 'id' | 'email' | 'name' | 'role' | 'profileImageUrl'>, defaultUrl: string) {
  return { userId: user.id, email: user.email, name: user.name, role: user.role, profileImage: profileImageOf(user, defaultUrl) };
}

/** `data` of a successful login. */
export function presentLogin(user: User, defaultUrl: string) {
  return { email: user.email, name: user.name, role: user.role, profileImage: profileImageOf(user, defaultUrl) };
}
