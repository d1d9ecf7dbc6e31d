import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ClassAccess, Caller } from '../class-access';
import type { KickBanStore } from '../live/ports/kick-ban-store';
import type { ClassroomEvent } from '../live/live-events';
import type { RoomBroadcaster } from '../live/ports/room-broadcaster';
import type { LiveClassroom, MediaOutcome } from '../live-classroom';
import type { EnrolmentRepository } from '../ports/enrolment-repository';

/** Message of a `KICKED` event when the kick gave no reason. */
export const DEFAULT_KICK_MESSAGE = '강사에 의해 퇴장되었습니다.';

/** Input of a kick; `reason` is at most 200 characters (checked by the transport). */
export interface KickInput {
  readonly classId: number;
  readonly targetUserId: number;
  readonly reason?: string;
}

/**
 * `POST /api/class/{c}/kick/{u}` (http.md §4, stomp.md §5.8). Checks: `staff(c)` (`CLASS_001`,
 * `CLASS_002`, `CLASS_012`); the target is the caller or `inst(c)` → `PART_004`; the target is not
 * `stud(c)` → `PART_001`. Effects in order: ban for `banTtlS` seconds; kicked event to the target's
 * sessions; detach and remove the target, broadcast the participant list; best effort remove
 * `user-<u>` from LiveKit room `"<c>"`.
 */
export class KickParticipant {
  constructor(
    private readonly access: ClassAccess,
    private readonly enrolments: EnrolmentRepository,
    private readonly kickBans: KickBanStore,
    private readonly broadcaster: RoomBroadcaster<ClassroomEvent>,
    private readonly live: LiveClassroom,
    private readonly banTtlS: number,
  ) {}

  async execute(input: KickInput, caller: Caller): Promise<Result<MediaOutcome, DomainError>> {
    const { classId, targetUserId } = input;
    const grant = await this.access.forStaff(classId, caller);
    if (!grant.ok) return grant;
    if (targetUserId === caller.userId || targetUserId === grant.value.room.instructorId) return err(domainError('PART_004'));
    if (!(await this.enrolments.isEnrolled(classId, targetUserId))) return err(domainError('PART_001'));
    await this.kickBans.ban(classId, targetUserId, this.banTtlS);
    const message = input.reason ?? DEFAULT_KICK_MESSAGE;
    await this.broadcaster.sendToUser(targetUserId, { type: 'kicked', classId, message });
    await this.live.remove(classId, targetUserId);
    await this.live.broadcastParticipants(classId);
    return ok(await this.live.removeFromVideo(classId, targetUserId));
  }
}
