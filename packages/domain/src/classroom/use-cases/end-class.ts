import type { DomainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import type { ClassAccess, Caller } from '../class-access';
import type { LiveClassroom, MediaOutcome } from '../live-classroom';

/**
 * `POST /api/class/{c}/end` (http.md §4): `staff(c)` only (`CLASS_001`, `CLASS_002`, `CLASS_012`), then
 * the live session ends as in stomp.md §5.7. Resolves to the outcome of the best-effort LiveKit step.
 */
export class EndClass {
  constructor(
    private readonly access: ClassAccess,
    private readonly live: LiveClassroom,
  ) {}

  async execute(classId: number, caller: Caller): Promise<Result<MediaOutcome, DomainError>> {
    const grant = await this.access.forStaff(classId, caller);
    if (!grant.ok) return grant;
    return ok(await this.live.end(classId));
  }
}
