import type { ClassListing, ClassMode, ClassRoom, ClassRoomDetail, CodeDocument, MyClass } from '@sooscode/domain';
import type { ImageUrls } from '../image-urls';

/** `ClassRoomDetailResponse` (http.md §4). */
export function presentClassDetail(d: ClassRoomDetail) {
  const r = d.room;
  return {
    classId: r.id,
    title: r.title,
    online: r.online,
    mode: d.mode,
    startDate: r.startDate,
    endDate: r.endDate,
    startTime: r.startTime,
    endTime: r.endTime,
    totalParticipantCount: d.totalParticipantCount,
    instructor: d.instructor,
  };
}

/** `CodeResponse` (http.md §4): the stored record, or the all-null "empty" answer. */
export function presentCode(doc: CodeDocument | null) {
  if (!doc) return { userId: null, code: null, language: null, empty: true };
  return { userId: doc.userId, code: doc.code, language: doc.language, empty: false };
}

/** Admin `ClassItem` (http.md §11). */
export function presentClassItem(l: ClassListing, images: ImageUrls) {
  const r = l.room;
  return {
    classId: r.id,
    thumbnail: images.thumbnail(r.thumbnailUrl),
    title: r.title,
    description: r.description,
    online: r.online,
    active: r.active,
    startDate: r.startDate,
    endDate: r.endDate,
    startTime: r.startTime,
    endTime: r.endTime,
    instructorName: l.instructorName,
    studentCount: l.studentCount,
  };
}

/** An item of `GET /api/mypage/classes` (http.md §7). */
export function presentMyClass(c: MyClass, images: ImageUrls) {
  const r = c.room;
  return {
    classId: r.id,
    title: r.title,
    teacherName: c.instructorName,
    thumbnailUrl: images.thumbnail(r.thumbnailUrl),
    startDate: r.startDate,
    endDate: r.endDate,
    startTime: r.startTime,
    endTime: r.endTime,
  };
}

/** `data` of `GET /api/mypage/detail/{classId}` (http.md §7); `status` is always null. */
export function presentMyClassDetail(room: ClassRoom, mode: ClassMode, images: ImageUrls) {
  return {
    classId: room.id,
    title: room.title,
    description: room.description,
    mode,
    status: null,
    startDate: room.startDate,
    endDate: room.endDate,
    startTime: room.startTime,
    endTime: room.endTime,
    thumbnailUrl: images.thumbnail(room.thumbnailUrl),
  };
}
