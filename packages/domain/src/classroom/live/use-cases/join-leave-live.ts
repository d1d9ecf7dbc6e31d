import type { Clock } from '../../../shared/clock';
import type { ParticipantList } from '../../participants-view';
import { classTopics } from '../participant';
import type { LiveModeStore } from '../ports/live-mode-store';
import type { RoomBroadcaster } from '../ports/live-session-control';
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
 * the live mode when the class becomes empty.
 */
export class LivePresence {
  constructor(
    private readonly presence: PresenceRegistry,
    private readonly participants: ParticipantList,
    private readonly modes: LiveModeStore,
    private readonly broadcaster: RoomBroadcaster,
    private readonly clock: Clock,
  ) {}

  /** Joins `classId`; returns true when the user became a participant (and the list was broadcast). */
  async join(classId: number, member: LiveMember): Promise<boolean> {
    const added = await this.presence.join(classId, member.sessionId, { userId: member.userId, username: member.name, instructor: member.instructor }, this.clock.now());
    if (added) await this.broadcaster.publish(classTopics.participants(classId), await this.participants.of(classId));
    return added;
  }

  /** Leaves `classId` with one session. */
  async leave(classId: number, sessionId: string): Promise<void> {
    const result = await this.presence.leave(classId, sessionId);
    if (result.classEmpty && result.userId !== null) await this.modes.clear(classId);
    if (result.userLeft) await this.broadcaster.publish(classTopics.participants(classId), await this.participants.of(classId));
  }
}
