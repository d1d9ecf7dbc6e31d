/** A lecture material of a class: one stored file, filed under a lecture date. */
export interface ClassroomFile {
  /** `classroomFileId`: the class-file link, the id clients delete by. */
  readonly id: number;
  /** `fileId`: the stored file record. */
  readonly fileId: number;
  readonly classId: number;
  /** `yyyy-MM-dd` in the application time zone. */
  readonly lectureDate: string;
  /** The original file name, as uploaded (sanitised). */
  readonly fileName: string;
  readonly storageKey: string;
  readonly contentType: string;
  /** Size, bytes. */
  readonly size: number;
  /** User id of the uploader. */
  readonly uploadedBy: number;
  /** Name of the uploader (read with the record). */
  readonly uploaderName: string;
  readonly createdAt: Date;
}

/** What recording a new lecture material needs; the repository assigns both ids. */
export type NewClassroomFile = Omit<ClassroomFile, 'id' | 'fileId' | 'uploaderName'>;
