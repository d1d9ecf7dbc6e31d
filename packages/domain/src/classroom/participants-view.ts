import type { Participant } from './live/participant';
import type { PresenceRegistry } from './live/ports/presence-registry';
import type { VideoPresenceStore } from './live/ports/video-presence-store';

/** A user present in a live class, and whether they are in the class's video room. */
export interface PresentParticipant extends Participant {
  /** True while the user is in the class's LiveKit room. */
  readonly video: boolean;
}

/** Who is in a live class right now, ordered by `joinedAt`, then `userId`. */
export interface ClassParticipants {
  readonly classId: number;
  readonly participants: readonly PresentParticipant[];
}

/** Orders the present users of class `classId` and marks those whose video flag is on. */
export function classParticipantsOf(classId: number, present: readonly Participant[], videoOn: ReadonlySet<number>): ClassParticipants {
  const ordered = [...present].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.userId - b.userId);
  return { classId, participants: ordered.map((p) => ({ ...p, video: videoOn.has(p.userId) })) };
}

/** Nobody: the list sent when a class ends (stomp.md §5.7 step 2). */
export function noParticipants(classId: number): ClassParticipants {
  return { classId, participants: [] };
}

/** Reads the current participants of a class from the presence and video ports (REST and STOMP share it). */
export class ParticipantList {
  constructor(
    private readonly presence: PresenceRegistry,
    private readonly video: VideoPresenceStore,
  ) {}

  async of(classId: number): Promise<ClassParticipants> {
    const [present, videoOn] = await Promise.all([this.presence.participants(classId), this.video.usersOn(classId)]);
    return classParticipantsOf(classId, present, videoOn);
  }
}
