import type { NewUser, Role } from '../identity/user';

let counter = 0;

/** Builders of test users (`UserMother.student()`); stored password hashes use `FakePasswordHasher`. */
export const UserMother = {
  /** A new ACTIVE LOCAL user with a unique email; `password` defaults to `Passw0rd!`. */
  build(role: Role, overrides: Partial<NewUser> & { password?: string } = {}): NewUser {
    const n = ++counter;
    const { password, ...rest } = overrides;
    const now = new Date('2025-12-01T00:00:00Z');
    return {
      email: `${role.toLowerCase()}${n}@example.com`,
      name: `${role === 'INSTRUCTOR' ? '강사' : role === 'ADMIN' ? '관리자' : '학생'}${n}`,
      passwordHash: `plain:${password ?? 'Passw0rd!'}`,
      role,
      status: 'ACTIVE',
      provider: 'LOCAL',
      profileImageUrl: null,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: null,
      ...rest,
    };
  },
  student(overrides: Partial<NewUser> & { password?: string } = {}): NewUser {
    return UserMother.build('STUDENT', overrides);
  },
  instructor(overrides: Partial<NewUser> & { password?: string } = {}): NewUser {
    return UserMother.build('INSTRUCTOR', overrides);
  },
  admin(overrides: Partial<NewUser> & { password?: string } = {}): NewUser {
    return UserMother.build('ADMIN', overrides);
  },
};
