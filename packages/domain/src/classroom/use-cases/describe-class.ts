import type { DomainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import type { ClassAccess, Caller } from '../class-access';
import type { ClassMode, ClassRoom } from '../class-room';
import { effectiveModeOf } from '../effective-mode';
import type { LiveModeStore } from '../live/ports/live-mode-store';

/**
 * `GET /api/mypage/detail/{classId}` (http.md §7): the class and its current mode for `member(c)` or an
 * admin (`CLASS_001`, `CLASS_002`). No schedule or active check.
 */
export class DescribeClass {
  constructor(
    private readonly access: ClassAccess,
    private readonly liveModes: LiveModeStore,
  ) {}

  async execute(classId: number, caller: Caller): Promise<Result<{ room: ClassRoom; mode: ClassMode }, DomainError>> {
    const grant = await this.access.forViewer(classId, caller);
    if (!grant.ok) return grant;
    return ok({ room: grant.value.room, mode: await effectiveModeOf(grant.value.room, this.liveModes) });
  }
}
