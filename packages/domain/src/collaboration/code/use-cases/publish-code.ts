import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { DetailReason, domainError, invalidField } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { CodeDocumentStore, CodeOwner } from '../../ports/code-document-store';
import { classTopics } from '../../../classroom/live/participant';
import type { RoomBroadcaster } from '../../../classroom/live/ports/live-session-control';

/** Code documents live 24 h after their last write (stomp.md §5.5). */
export const CODE_DOCUMENT_TTL_S = 86_400;

/** A validated code-sync payload. */
export interface CodePayload {
  readonly code: string;
  readonly language: string;
}

/** Validates `{code, language?}` (stomp.md §5.5): code a string (may be empty) within `maxChars`; language a string ≤ 32, default `java`. */
export function parseCodePayload(body: { code?: unknown; language?: unknown }, maxChars: number): Result<CodePayload, DomainError> {
  if (body.code === undefined || body.code === null) return err(invalidField('code', DetailReason.missing));
  if (typeof body.code !== 'string') return err(invalidField('code', DetailReason.format));
  if (body.code.length > maxChars) return err(domainError('VALID_004'));
  let language = 'java';
  if (body.language !== undefined && body.language !== null) {
    if (typeof body.language !== 'string') return err(invalidField('language', DetailReason.format));
    if (body.language.length > 32) return err(invalidField('language', DetailReason.length));
    language = body.language;
  }
  return ok({ code: body.code, language });
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
 * Stores the latest code and broadcasts a `CodeMessage` (stomp.md §5.2): instructor code to
 * `/topic/code/instructor/{c}`, a student's code (own or edited by the instructor) to
 * `/topic/code/student/{c}/{s}`. Role and mode rules are checked by the caller.
 */
export class PublishCode {
  constructor(
    private readonly codes: CodeDocumentStore,
    private readonly broadcaster: RoomBroadcaster,
    private readonly clock: Clock,
  ) {}

  async execute(target: CodeTarget, payload: CodePayload): Promise<void> {
    const userId = target.owner.kind === 'instructor' ? target.sender.userId : target.owner.userId;
    await this.codes.put(target.classId, target.owner, { userId, code: payload.code, language: payload.language, updatedAt: this.clock.now() }, CODE_DOCUMENT_TTL_S);
    const destination = target.owner.kind === 'instructor' ? classTopics.instructorCode(target.classId) : classTopics.studentCode(target.classId, target.owner.userId);
    await this.broadcaster.publish(destination, {
      classId: target.classId,
      userId,
      username: target.sender.name,
      code: payload.code,
      language: payload.language,
      instructor: target.owner.kind === 'instructor' || target.editedByInstructor,
      editedByInstructor: target.editedByInstructor,
    });
  }
}
