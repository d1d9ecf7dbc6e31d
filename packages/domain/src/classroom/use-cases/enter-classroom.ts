import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ClassAccess, Caller } from '../class-access';
import { isMember } from '../class-access';
import type { ClassMode, ClassRoom } from '../class-room';
import { effectiveModeOf } from '../effective-mode';
import { entryWindowState } from '../entry-window';
import type { LiveModeStore } from '../live/ports/live-mode-store';
import type { EnrolmentRepository } from '../ports/enrolment-repository';

/** What the entry call answers (`ClassRoomDetailResponse`). */
export interface ClassRoomDetail {
  readonly room: ClassRoom;
  /** Live mode mapped when set, else the stored default. */
  readonly mode: ClassMode;
  /** Enrolled students + 1 (the instructor). */
  readonly totalParticipantCount: number;
  /** The caller is `inst(c)`. */
  readonly instructor: boolean;
}

/**
 * The entry gate (`GET /api/class/{id}`, http.md §4), checks in order: `CLASS_001`; inactive →
 * `CLASS_008`; neither member nor admin → `CLASS_002` (before the schedule); then, for students only,
 * the daily window of {@link entryWindowState}: `CLASS_003` before it, `CLASS_004` after it.
 * The instructor always enters; an admin may look at any time.
 */
export class EnterClassroom {
  constructor(
    private readonly access: ClassAccess,
    private readonly enrolments: EnrolmentRepository,
    private readonly liveModes: LiveModeStore,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  async execute(classId: number, caller: Caller): Promise<Result<ClassRoomDetail, DomainError>> {
    const found = await this.access.find(classId);
    if (!found.ok) return found;
    const room = found.value;
    if (!room.active) return err(domainError('CLASS_008'));
    const m = await this.access.membershipOf(room, caller);
    if (!isMember(m) && !m.admin) return err(domainError('CLASS_002'));
    if (!m.instructor && !m.admin) {
      const state = entryWindowState(room, this.clock.now(), this.timeZone);
      if (state === 'NOT_STARTED') return err(domainError('CLASS_003'));
      if (state === 'ENDED') return err(domainError('CLASS_004'));
    }
    return ok({
      room,
      mode: await effectiveModeOf(room, this.liveModes),
      totalParticipantCount: (await this.enrolments.countStudents(room.id)) + 1,
      instructor: m.instructor,
    });
  }
}
