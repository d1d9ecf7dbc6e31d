import type { ClassParticipants } from '../participants-view';
import type { LiveMode } from './participant';

/** The participant list of a class changed (join, leave, sweep, kick, video flag, class end). */
export interface ParticipantsChanged {
  readonly type: 'participants-changed';
  readonly classId: number;
  readonly participants: ClassParticipants;
}

/** The live session of a class was ended by its staff (stomp.md §5.7 step 1). */
export interface ClassEnded {
  readonly type: 'class-ended';
  readonly classId: number;
}

/** The live mode was set (broadcast even when unchanged, stomp.md §5.6). */
export interface LiveModeChanged {
  readonly type: 'mode-changed';
  readonly classId: number;
  readonly mode: LiveMode;
}

/** A user was kicked from a class; sent to that user only (stomp.md §5.8). */
export interface ParticipantKicked {
  readonly type: 'kicked';
  readonly classId: number;
  /** The kick's reason, or the default message. */
  readonly message: string;
}

/** The room events the classroom publishes. */
export type ClassroomEvent = ParticipantsChanged | ClassEnded | LiveModeChanged | ParticipantKicked;
