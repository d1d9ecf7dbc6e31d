import type { Clock } from '../../../shared/clock';
import type { ParticipantList } from '../../participants-view';
import type { ClassroomEvent } from '../live-events';
import type { LiveModeStore } from '../ports/live-mode-store';
import type { RoomBroadcaster } from '../ports/room-broadcaster';
import type { PresenceRegistry } from '../ports/presence-registry';

/** Who joins: the session and the user as the class sees them. */
export interface LiveMember {
  readonly sessionId: string;
  readonly userId: number;
  readonly name: string;
  /** `inst(c)`, from class data. */
  readonly instructor: boolean;
}

/**
 * Presence of live sessions (stomp.md §4). Joining adds the participant on the user's first session and
 * broadcasts the list; leaving removes it with the user's last session, broadcasts the list, and clears
 * the live mode when the class becomes empty. A sweep of a dead node's sessions is leaving too.
 */
export class LivePresence {
  constructor(
    private readonly presence: PresenceRegistry,
    private readonly participants: ParticipantList,
    private readonly modes: LiveModeStore,
    private readonly broadcaster: RoomBroadcaster<ClassroomEvent>,
    private readonly clock: Clock,
  ) {}

  /** Joins `classId`; returns true when the user became a participant (and the list was broadcast). */
  async join(classId: number, member: LiveMember): Promise<boolean> {
    const added = await this.presence.join(classId, member.sessionId, { userId: member.userId, username: member.name, instructor: member.instructor }, this.clock.now());
    if (added) await this.broadcastList(classId);
    return added;
  }

  /** Leaves `classId` with one session. */
  async leave(classId: number, sessionId: string): Promise<void> {
    const result = await this.presence.leave(classId, sessionId);
    if (result.classEmpty && result.userId !== null) await this.modes.clear(classId);
    if (result.userLeft) await this.broadcastList(classId);
  }

  /**
   * Follow-up once presence swept the participants of a dead node out of `classId`: that is leaving
   * (stomp.md §4), so an emptied class loses its live mode, and the list is broadcast.
   */
  async afterSweep(classId: number): Promise<void> {
    const list = await this.participants.of(classId);
    if (list.participants.length === 0) await this.modes.clear(classId);
    await this.broadcaster.publish({ type: 'participants-changed', classId, participants: list });
  }

  private async broadcastList(classId: number): Promise<void> {
    await this.broadcaster.publish({ type: 'participants-changed', classId, participants: await this.participants.of(classId) });
  }
}
