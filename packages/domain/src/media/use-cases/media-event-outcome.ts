import type { MediaOutcome } from '../../classroom/live-classroom';

/** Why an authentic webhook event changed nothing. */
export type IgnoredReason =
  /** Not an event the API acts on (`track_*`, `egress_*`, …). */
  | 'unhandled-event'
  /** The event names no room, or a room that is not an existing class. */
  | 'unknown-room'
  /** The event names no participant, or an identity that is not `user-<digits>`. */
  | 'foreign-identity';

/**
 * What `HandleMediaEvent` did with one event. Every outcome is answered 200 by the webhook; the
 * transport only logs it.
 */
export type MediaEventOutcome =
  /** The event id was already accepted within the dedupe window. */
  | { readonly kind: 'duplicate'; readonly eventId: string }
  /** `createdAt` lies more than the maximum age in the past. */
  | { readonly kind: 'stale'; readonly eventId: string; readonly ageS: number }
  | { readonly kind: 'ignored'; readonly event: string; readonly reason: IgnoredReason }
  /**
   * `room_started`: the room's LiveKit session, for the log. `startedAt` is the event's
   * `createdAt` (the handling time when absent). Nothing is stored: no reader needs it.
   */
  | { readonly kind: 'room-started'; readonly classId: number; readonly roomSid: string; readonly startedAt: Date }
  /** `room_finished`: `cleared` are the users whose video flag was on. */
  | { readonly kind: 'room-finished'; readonly classId: number; readonly cleared: readonly number[]; readonly broadcast: boolean }
  /**
   * `participant_joined` of a member who is not kicked (`video` = true), or `participant_left` /
   * `participant_connection_aborted` (`video` = false). `changed` is false when the flag already had
   * that value or (for a leave) was set by another connection.
   */
  | {
      readonly kind: 'video-flag';
      readonly classId: number;
      readonly userId: number;
      readonly video: boolean;
      readonly changed: boolean;
      readonly broadcast: boolean;
    }
  /**
   * `participant_joined` of someone who may not be there (not a member, or kicked). `removal` is the
   * best-effort RemoveParticipant call, started but not awaited so the webhook answers at once; it
   * never rejects and resolves to `skipped` when the Room API is not configured.
   */
  | {
      readonly kind: 'evicted';
      readonly classId: number;
      readonly userId: number;
      readonly because: 'not-member' | 'kicked';
      readonly removal: Promise<MediaOutcome>;
    };
