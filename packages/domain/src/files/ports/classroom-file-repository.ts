import type { PageOf, PageRequest } from '../../classroom/paging';
import type { ClassroomFile, NewClassroomFile } from '../classroom-file';

/** Lecture materials: the `files` and `classroom_files` records (not the bytes). */
export interface ClassroomFileRepository {
  /** Records every file in one transaction (all or none), in order. */
  addAll(files: readonly NewClassroomFile[]): Promise<ClassroomFile[]>;
  /** The files of a class, newest first; `lectureDate` narrows to one day. */
  listByClass(classId: number, page: PageRequest, lectureDate?: string): Promise<PageOf<ClassroomFile>>;
  /** The records with these `classroomFileId`s that exist (any order). */
  findByIds(ids: readonly number[]): Promise<ClassroomFile[]>;
  /** Removes the records (both tables) in one transaction. */
  deleteByIds(ids: readonly number[]): Promise<void>;
}
