import type { CodeOwner } from '../ports/code-document-store';

/**
 * The latest code of one owner in a class changed (stomp.md §5.2): the instructor's shared code, or a
 * student's code (written by the student or edited by the instructor).
 */
export interface CodeChanged {
  readonly type: 'code-changed';
  readonly classId: number;
  readonly owner: CodeOwner;
  /** The user the code belongs to (the instructor for shared code, else the student). */
  readonly userId: number;
  /** The sender's name. */
  readonly username: string;
  readonly code: string;
  readonly language: string;
  /** Sent by the instructor (own code, or a student's code edited by the instructor). */
  readonly instructor: boolean;
  readonly editedByInstructor: boolean;
}
