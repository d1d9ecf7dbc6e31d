import type { ClassroomEvent } from './live/live-events';
import type { ClassScopedState } from './live/ports/class-scoped-state';
import type { ClassVideoRoom } from './live/ports/class-video-room';
import type { KickBanStore } from './live/ports/kick-ban-store';
import type { LiveModeStore } from './live/ports/live-mode-store';
import type { LiveSessionControl } from './live/ports/live-session-control';
import type { RoomBroadcaster } from './live/ports/room-broadcaster';
import type { PresenceRegistry } from './live/ports/presence-registry';
import type { VideoPresenceStore } from './live/ports/video-presence-store';
import { noParticipants, type ParticipantList } from './participants-view';

/** The live-state ports REST actions on a running class touch. `media` is null when LiveKit is not configured. */
export interface LiveClassroomPorts {
  readonly presence: PresenceRegistry;
  readonly liveModes: LiveModeStore;
  readonly kickBans: KickBanStore;
  readonly video: VideoPresenceStore;
  /** The latest synced code (collaboration's code documents). */
  readonly codes: ClassScopedState;
  readonly broadcaster: RoomBroadcaster<ClassroomEvent>;
  readonly control: LiveSessionControl;
  readonly media: ClassVideoRoom | null;
  readonly participants: ParticipantList;
}

/** What happened to the best-effort LiveKit call of an action (failures are reported, never thrown). */
export type MediaOutcome = 'skipped' | 'done' | 'failed';

/**
 * The live side of a class (stomp.md §5.7–5.9): ending the session, removing one user, and broadcasting
 * the participant list. Used by end, kick, admin unassign and admin class delete.
 */
export class LiveClassroom {
  constructor(private readonly ports: LiveClassroomPorts) {}

  /**
   * Ends the live session of `classId` in the order of stomp.md §5.7: the class-ended event, the empty
   * participant list, detach every session, clear presence, live mode, code, kick bans and
   * video flags, then (best effort) delete LiveKit room `"<classId>"`.
   */
  async end(classId: number): Promise<MediaOutcome> {
    const p = this.ports;
    await p.broadcaster.publish({ type: 'class-ended', classId });
    await p.broadcaster.publish({ type: 'participants-changed', classId, participants: noParticipants(classId) });
    await p.control.detach(classId);
    await p.presence.clearClass(classId);
    await p.liveModes.clear(classId);
    await p.codes.clearClass(classId);
    await p.kickBans.clearClass(classId);
    await p.video.clearClass(classId);
    return this.bestEffort(() => p.media!.close(classId));
  }

  /**
   * Detaches every session of `userId` from `classId` and removes the participant from presence.
   * Clears the live mode when the class becomes empty. Returns true when the user was present.
   */
  async remove(classId: number, userId: number): Promise<boolean> {
    const p = this.ports;
    await p.control.detach(classId, userId);
    let left = false;
    let empty = false;
    for (const session of await p.presence.sessionsOf(classId, userId)) {
      const outcome = await p.presence.leave(classId, session);
      left ||= outcome.userLeft;
      empty = outcome.classEmpty;
    }
    if (left && empty) await p.liveModes.clear(classId);
    return left;
  }

  /** Publishes the current participant list of `classId`. */
  async broadcastParticipants(classId: number): Promise<void> {
    await this.ports.broadcaster.publish({ type: 'participants-changed', classId, participants: await this.ports.participants.of(classId) });
  }

  /** Best effort: disconnects `user-<userId>` from LiveKit room `"<classId>"`. */
  async removeFromVideo(classId: number, userId: number): Promise<MediaOutcome> {
    return this.bestEffort(() => this.ports.media!.removeUser(classId, userId));
  }

  private async bestEffort(call: () => Promise<{ ok: boolean }>): Promise<MediaOutcome> {
    if (!this.ports.media) return 'skipped';
    try {
      return (await call()).ok ? 'done' : 'failed';
    } catch {
      return 'failed';
    }
  }
}
