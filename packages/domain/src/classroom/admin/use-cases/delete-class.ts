import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { LiveClassroom, MediaOutcome } from '../../live-classroom';
import type { ClassroomRepository } from '../../ports/classroom-repository';

/**
 * `POST /api/admin/classes/{id}/delete` (http.md §11): soft delete (`active=false`; `CLASS_001` for an
 * unknown class), then the live session, if any, ends exactly as by `POST /api/class/{id}/end`.
 */
export class DeleteClass {
  constructor(
    private readonly classes: ClassroomRepository,
    private readonly live: LiveClassroom,
    private readonly clock: Clock,
  ) {}

  async execute(classId: number): Promise<Result<MediaOutcome, DomainError>> {
    const room = await this.classes.findById(classId);
    if (!room) return err(domainError('CLASS_001'));
    if (room.active) await this.classes.update({ ...room, active: false, updatedAt: this.clock.now() });
    return ok(await this.live.end(classId));
  }
}
