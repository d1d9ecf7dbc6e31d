import type { User } from '@sooscode/domain';
import type { ImageUrls } from '../image-urls';

/** `data` of `GET /api/me`. */
export function presentMe(user: Pick<User, 'id' | 'email' | 'name' | 'role' | 'profileImageUrl'>, images: ImageUrls) {
  return { userId: user.id, email: user.email, name: user.name, role: user.role, profileImage: images.profile(user.profileImageUrl) };
}

/** `data` of a successful login. */
export function presentLogin(user: User, images: ImageUrls) {
  return { email: user.email, name: user.name, role: user.role, profileImage: images.profile(user.profileImageUrl) };
}
