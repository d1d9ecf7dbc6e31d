import type { EnrolledClass, EnrolledStudent, StudentAssignmentOutcome, StudentAssignmentReport, User } from '@sooscode/domain';
import { formatLocalDateTime } from '@sooscode/domain';
import type { ImageUrls } from '../image-urls';

/** Admin `UserListItem` (http.md §10); `isActive` is a string and keeps its name. */
export function presentUserListItem(u: User, timeZone: string) {
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    isActive: u.status,
    createdAt: formatLocalDateTime(u.createdAt, timeZone),
    lastLoginAt: u.lastLoginAt ? formatLocalDateTime(u.lastLoginAt, timeZone) : null,
  };
}

/** Admin user `Detail` (http.md §10). */
export function presentUserDetail(u: User, timeZone: string) {
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    isActive: u.status,
    createdAt: formatLocalDateTime(u.createdAt, timeZone),
    updatedAt: formatLocalDateTime(u.updatedAt, timeZone),
  };
}

/** `data` of an admin account creation (http.md §10). */
export function presentCreatedAccount(u: User, temporaryPassword: string, timeZone: string) {
  return { userId: u.id, email: u.email, name: u.name, temporaryPassword, createdAt: formatLocalDateTime(u.createdAt, timeZone) };
}

/** An item of `GET /api/admin/users/{id}/classes`. */
export function presentUserClass(c: EnrolledClass, timeZone: string) {
  return { classId: c.room.id, className: c.room.title, instructorName: c.instructorName, enrolledAt: formatLocalDateTime(c.enrolledAt, timeZone) };
}

/** An item of `GET /api/admin/classes/{id}/students`; `profileImage` is always a full URL. */
export function presentClassStudent(s: EnrolledStudent, images: ImageUrls, timeZone: string) {
  return {
    userId: s.userId,
    name: s.name,
    email: s.email,
    profileImage: images.profile(s.profileImageUrl),
    enrolledAt: formatLocalDateTime(s.enrolledAt, timeZone),
  };
}

/** Per-id messages of the assign/unassign answers (http.md §11, Korean, byte for byte). */
export const ASSIGNMENT_MESSAGES: Readonly<Record<StudentAssignmentOutcome, string>> = {
  unknownUser: '존재하지 않는 사용자입니다',
  notStudent: '학생 권한이 아닙니다',
  alreadyAssigned: '이미 배정된 학생입니다',
  assigned: '배정 성공',
  notAssigned: '배정되지 않은 학생입니다',
  unassigned: '배정 해제 성공',
};

/** The answer of `POST /api/admin/classes/{id}/students/assign|delete`: counts, then one result per id in order. */
export function presentAssignmentReport(r: StudentAssignmentReport) {
  return {
    totalCount: r.totalCount,
    successCount: r.successCount,
    failureCount: r.failureCount,
    results: r.results.map((x) => ({ studentId: x.studentId, studentName: x.studentName, success: x.success, message: ASSIGNMENT_MESSAGES[x.outcome] })),
  };
}
