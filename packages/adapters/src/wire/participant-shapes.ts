import type { ClassParticipants, PresentParticipant } from '@sooscode/domain';
import { formatLocalDateTime } from '@sooscode/domain';

/**
 * The participant shapes both transports send: the REST participants, students and count answers
 * (http.md §4) and the STOMP participants topic (stomp.md §5.2).
 */

/** `ParticipantInfo`: `joinedAt` as a LocalDateTime in `timeZone`, field order fixed. */
export interface ParticipantInfo {
  readonly userId: number;
  readonly username: string;
  readonly instructor: boolean;
  readonly joinedAt: string;
  readonly video: boolean;
}

/** `ParticipantsResponse`; note `classId` is a string on the wire. */
export interface ParticipantsResponse {
  readonly classId: string;
  readonly participants: ParticipantInfo[];
  readonly totalCount: number;
  readonly studentCount: number;
}

/** One present user as `ParticipantInfo`. */
export function participantInfo(p: PresentParticipant, timeZone: string): ParticipantInfo {
  return { userId: p.userId, username: p.username, instructor: p.instructor, joinedAt: formatLocalDateTime(p.joinedAt, timeZone), video: p.video };
}

/** A class's participants as `ParticipantsResponse`, in the order the domain gives them. */
export function participantsResponse(list: ClassParticipants, timeZone: string): ParticipantsResponse {
  const participants = list.participants.map((p) => participantInfo(p, timeZone));
  return {
    classId: String(list.classId),
    participants,
    totalCount: participants.length,
    studentCount: participants.filter((p) => !p.instructor).length,
  };
}
