import type { Clock } from '../../../shared/clock';
import type { CodeDocumentStore, CodeOwner } from '../../ports/code-document-store';
import type { RoomBroadcaster } from '../../../classroom/live/ports/room-broadcaster';
import type { CodeChanged } from '../code-events';

/** Code documents live 24 h after their last write (stomp.md §5.5). */
export const CODE_DOCUMENT_TTL_S = 86_400;

/** A validated code-sync payload (the transport checks its types and CODE_SYNC_MAX_CHARS, stomp.md §5.5). */
export interface CodePayload {
  readonly code: string;
  readonly language: string;
}

/** Who the stored code belongs to and who sent it. */
export interface CodeTarget {
  readonly classId: number;
  /** `instructor` for the class's shared code, else the student whose code it is. */
  readonly owner: CodeOwner;
  /** The sender (the instructor editing a student's code is the sender, the student the owner). */
  readonly sender: { readonly userId: number; readonly name: string };
  readonly editedByInstructor: boolean;
}

/**
 * Stores the latest code and publishes a code-changed event (stomp.md §5.2): the instructor's shared
 * code, or a student's code (own or edited by the instructor). Role and mode rules are checked by the caller.
 */
export class PublishCode {
  constructor(
    private readonly codes: CodeDocumentStore,
    private readonly broadcaster: RoomBroadcaster<CodeChanged>,
    private readonly clock: Clock,
  ) {}

  async execute(target: CodeTarget, payload: CodePayload): Promise<void> {
    const userId = target.owner.kind === 'instructor' ? target.sender.userId : target.owner.userId;
    await this.codes.put(target.classId, target.owner, { userId, code: payload.code, language: payload.language, updatedAt: this.clock.now() }, CODE_DOCUMENT_TTL_S);
    await this.broadcaster.publish({
      type: 'code-changed',
      classId: target.classId,
      owner: target.owner,
      userId,
      username: target.sender.name,
      code: payload.code,
      language: payload.language,
      instructor: target.owner.kind === 'instructor' || target.editedByInstructor,
      editedByInstructor: target.editedByInstructor,
    });
  }
}
