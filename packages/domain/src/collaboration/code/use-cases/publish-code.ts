import type { ClassMembership } from '../../../classroom/class-access';
import type { LiveModeStore } from '../../../classroom/live/ports/live-mode-store';
import type { RoomBroadcaster } from '../../../classroom/live/ports/room-broadcaster';
import type { EnrolmentRepository } from '../../../classroom/ports/enrolment-repository';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { CodeDocumentStore, CodeOwner } from '../../ports/code-document-store';
import type { CodeChanged } from '../code-events';

/** Code documents live 24 h after their last write (stomp.md §5.5). */
export const CODE_DOCUMENT_TTL_S = 86_400;

/** A validated code-sync payload (the transport checks its types and CODE_SYNC_MAX_CHARS, stomp.md §5.5). */
export interface CodePayload {
  readonly code: string;
  readonly language: string;
}

/** Whose code a sync writes: the class's shared code, the sender's own student code, or (by the instructor) one student's code. */
export type CodeSyncTarget =
  | { readonly kind: 'instructor' }
  | { readonly kind: 'own' }
  | { readonly kind: 'edit-student'; readonly studentId: number };

/** One code sync of `sender` in `classId`; the caller has passed the live class gate and joined the class. */
export interface PublishCodeCommand {
  readonly classId: number;
  /** How the sender relates to the class (from the gate's grant). */
  readonly membership: ClassMembership;
  readonly sender: { readonly userId: number; readonly name: string };
  readonly target: CodeSyncTarget;
  /** The transport's reading of `{code, language?}` (GLOBAL_410, VALID_004), answered after the role and mode rules. */
  readonly payload: Result<CodePayload, DomainError>;
}

/**
 * Code sync (stomp.md §5.2, §5.5). Rules in order: the shared code is written by `inst(c)` only
 * (CLASS_012); a student's own code by `stud(c)` (CLASS_002) while the mode is not `VIEW_ONLY`
 * (CLASS_011); a student's code edited by `inst(c)` (CLASS_012) whose target is `stud(c)` (PART_001);
 * then the payload. Stores the latest code for 24 h and publishes a code-changed event.
 */
export class PublishCode {
  constructor(
    private readonly codes: CodeDocumentStore,
    private readonly modes: LiveModeStore,
    private readonly enrolments: EnrolmentRepository,
    private readonly broadcaster: RoomBroadcaster<CodeChanged>,
    private readonly clock: Clock,
  ) {}

  async execute(command: PublishCodeCommand): Promise<Result<void, DomainError>> {
    const owner = await this.ownerOf(command);
    if (!owner.ok) return owner;
    if (!command.payload.ok) return command.payload;
    const { classId, sender } = command;
    const { code, language } = command.payload.value;
    const editedByInstructor = command.target.kind === 'edit-student';
    const userId = owner.value.kind === 'instructor' ? sender.userId : owner.value.userId;
    await this.codes.put(classId, owner.value, { userId, code, language, updatedAt: this.clock.now() }, CODE_DOCUMENT_TTL_S);
    await this.broadcaster.publish({
      type: 'code-changed',
      classId,
      owner: owner.value,
      userId,
      username: sender.name,
      code,
      language,
      instructor: owner.value.kind === 'instructor' || editedByInstructor,
      editedByInstructor,
    });
    return ok();
  }

  /** The role and mode rules of the target; the owner of the code written. */
  private async ownerOf({ classId, membership, sender, target }: PublishCodeCommand): Promise<Result<CodeOwner, DomainError>> {
    switch (target.kind) {
      case 'instructor':
        return membership.instructor ? ok({ kind: 'instructor' }) : err(domainError('CLASS_012'));
      case 'own':
        if (!membership.student) return err(domainError('CLASS_002'));
        if ((await this.modes.get(classId)) === 'VIEW_ONLY') return err(domainError('CLASS_011'));
        return ok({ kind: 'student', userId: sender.userId });
      case 'edit-student':
        if (!membership.instructor) return err(domainError('CLASS_012'));
        if (!(await this.enrolments.isEnrolled(classId, target.studentId))) return err(domainError('PART_001'));
        return ok({ kind: 'student', userId: target.studentId });
    }
  }
}
