import { formatLocalDateTime } from '../shared/wall-clock';
import type { Participant } from './live/participant';
import type { PresenceRegistry } from './live/ports/presence-registry';
import type { VideoPresenceStore } from './live/ports/video-presence-store';

/** `ParticipantInfo` on the wire (http.md §4), field order fixed. */
export interface ParticipantInfo {
  readonly userId: number;
  readonly username: string;
  readonly instructor: boolean;
  /** LocalDateTime in `APP_TIME_ZONE`. */
  readonly joinedAt: string;
  /** True while the user is in the class's LiveKit room. */
  readonly video: boolean;
}

/** `ParticipantsResponse` on the wire; note `classId` is a string. */
export interface ParticipantsResponse {
  readonly classId: string;
  readonly participants: ParticipantInfo[];
  readonly totalCount: number;
  readonly studentCount: number;
}

/**
 * Builds the `ParticipantsResponse` of class `classId` from present users and the users whose video
 * flag is on. Participants are ordered by `joinedAt`, then `userId`.
 */
export function participantsResponseOf(
  classId: number,
  present: readonly Participant[],
  videoOn: ReadonlySet<number>,
  timeZone: string,
): ParticipantsResponse {
  const ordered = [...present].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.userId - b.userId);
  const participants = ordered.map((p) => ({
    userId: p.userId,
    username: p.username,
    instructor: p.instructor,
    joinedAt: formatLocalDateTime(p.joinedAt, timeZone),
    video: videoOn.has(p.userId),
  }));
  return {
    classId: String(classId),
    participants,
    totalCount: participants.length,
    studentCount: participants.filter((p) => !p.instructor).length,
  };
}

/** The empty list sent when a class ends (stomp.md §5.7 step 2). */
export function emptyParticipantsResponse(classId: number): ParticipantsResponse {
  return { classId: String(classId), participants: [], totalCount: 0, studentCount: 0 };
}

/** Reads the current participant list of a class from the presence and video ports (REST and STOMP share it). */
export class ParticipantList {
  constructor(
    private readonly presence: PresenceRegistry,
    private readonly video: VideoPresenceStore,
    private readonly timeZone: string,
  ) {}

  async of(classId: number): Promise<ParticipantsResponse> {
    const [present, videoOn] = await Promise.all([this.presence.participants(classId), this.video.usersOn(classId)]);
    return participantsResponseOf(classId, present, videoOn, this.timeZone);
  }
}
