import type { DomainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import type { ClassAccess, Caller } from '../class-access';
import type { ParticipantList, ClassParticipants } from '../participants-view';

/**
 * The present users of a class (`/participants`, `/students`, `/count`, http.md §4) for `member(c)` or
 * an admin: `CLASS_001`, `CLASS_002`.
 */
export class ViewParticipants {
  constructor(
    private readonly access: ClassAccess,
    private readonly participants: ParticipantList,
  ) {}

  async execute(classId: number, caller: Caller): Promise<Result<ClassParticipants, DomainError>> {
    const grant = await this.access.forViewer(classId, caller);
    if (!grant.ok) return grant;
    return ok(await this.participants.of(classId));
  }
}
