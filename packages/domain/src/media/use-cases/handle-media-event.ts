import type { ClassRoom } from '../../classroom/class-room';
import type { KickBanStore } from '../../classroom/live/ports/kick-ban-store';
import type { ParticipantsChanged } from '../../classroom/live/live-events';
import type { RoomBroadcaster } from '../../classroom/live/ports/room-broadcaster';
import type { PresenceRegistry } from '../../classroom/live/ports/presence-registry';
import type { VideoPresenceStore } from '../../classroom/live/ports/video-presence-store';
import type { MediaOutcome } from '../../classroom/live-classroom';
import type { ParticipantList } from '../../classroom/participants-view';
import type { ClassroomRepository } from '../../classroom/ports/classroom-repository';
import type { EnrolmentRepository } from '../../classroom/ports/enrolment-repository';
import type { Clock } from '../../shared/clock';
import type { MediaEvent, MediaEventParticipant } from '../media-event';
import { userIdOfMediaIdentity } from '../media-identity';
import type { MediaRoomGateway } from '../ports/media-room-gateway';
import type { WebhookEventDedupe } from '../ports/webhook-event-dedupe';
import type { MediaEventOutcome } from './media-event-outcome';
import { classIdOfRoomName } from './video-room-name';

/** Replay limits of webhook events (livekit.md §4.2). */
export interface MediaEventPolicy {
  /** How long an accepted event id is remembered, in seconds (`LIVEKIT_WEBHOOK_DEDUPE_S`, default 3600). */
  readonly dedupeTtlS: number;
  /** Events whose `createdAt` is further in the past are ignored, in seconds (`LIVEKIT_WEBHOOK_MAX_AGE_S`, default 600). */
  readonly maxAgeS: number;
}

/** What `HandleMediaEvent` reads and changes. `media` is null when the Room API is not configured. */
export interface MediaEventPorts {
  readonly dedupe: WebhookEventDedupe;
  readonly classes: ClassroomRepository;
  readonly enrolments: EnrolmentRepository;
  readonly kickBans: KickBanStore;
  readonly video: VideoPresenceStore;
  readonly presence: PresenceRegistry;
  readonly participants: ParticipantList;
  readonly broadcaster: RoomBroadcaster<ParticipantsChanged>;
  readonly media: MediaRoomGateway | null;
  readonly clock: Clock;
}

const LEAVE_EVENTS = new Set(['participant_left', 'participant_connection_aborted']);
const ROOM_EVENTS = new Set(['room_started', 'room_finished', 'participant_joined', ...LEAVE_EVENTS]);

/**
 * Applies one verified LiveKit webhook event to the live classroom (livekit.md §4.2–4.3).
 *
 * In order: an id accepted in the last `dedupeTtlS` is a duplicate (events without an id are not
 * deduplicated); an event older than `maxAgeS` is stale (events without `createdAt` are not aged);
 * events other than room and participant events are acknowledged; a room that is not an existing
 * class, or an identity that is not `user-<digits>`, is ignored. Then:
 *
 * - `room_started`: reported (roomSid, startedAt) for the log;
 * - `room_finished`: every video flag of the class is cleared;
 * - `participant_joined`: a member who is not kicked gets `video = true`, remembering the participant
 *   sid; anyone else is removed from the room, best effort and without waiting;
 * - `participant_left` / `participant_connection_aborted`: `video = false` if the sid matches.
 *
 * When a present user's flag changed, the class's participants are broadcast. If handling
 * throws, the event id is forgotten again so LiveKit's retry is processed.
 */
export class HandleMediaEvent {
  constructor(
    private readonly ports: MediaEventPorts,
    private readonly policy: MediaEventPolicy,
  ) {}

  async execute(event: MediaEvent): Promise<MediaEventOutcome> {
    const { dedupe, clock } = this.ports;
    if (event.id !== '' && !(await dedupe.markSeen(event.id, this.policy.dedupeTtlS))) return { kind: 'duplicate', eventId: event.id };
    try {
      return await this.apply(event, clock.now());
    } catch (error) {
      if (event.id !== '') await dedupe.forget(event.id);
      throw error;
    }
  }

  private async apply(event: MediaEvent, now: Date): Promise<MediaEventOutcome> {
    const nowS = Math.floor(now.getTime() / 1000);
    if (event.createdAtS !== null && nowS - event.createdAtS > this.policy.maxAgeS) {
      return { kind: 'stale', eventId: event.id, ageS: nowS - event.createdAtS };
    }
    if (!ROOM_EVENTS.has(event.event)) return { kind: 'ignored', event: event.event, reason: 'unhandled-event' };
    const room = await this.classOf(event);
    if (room === null) return { kind: 'ignored', event: event.event, reason: 'unknown-room' };
    const classId = room.id;
    if (event.event === 'room_started') {
      const startedAt = event.createdAtS === null ? now : new Date(event.createdAtS * 1000);
      return { kind: 'room-started', classId, roomSid: event.room?.sid ?? '', startedAt };
    }
    if (event.event === 'room_finished') return this.roomFinished(classId);
    const participant = event.participant;
    const userId = participant === null ? null : userIdOfMediaIdentity(participant.identity);
    if (participant === null || userId === null) return { kind: 'ignored', event: event.event, reason: 'foreign-identity' };
    if (event.event === 'participant_joined') return this.joined(room, userId, participant);
    const changed = await this.ports.video.clearIfSid(classId, userId, participant.sid);
    return { kind: 'video-flag', classId, userId, video: false, changed, broadcast: await this.broadcastIf(changed, classId, userId) };
  }

  /** The existing class (active or not) the event's room names, or null. */
  private async classOf(event: MediaEvent): Promise<ClassRoom | null> {
    if (event.room === null) return null;
    const classId = classIdOfRoomName(event.room.name);
    return classId.ok ? this.ports.classes.findById(classId.value) : null;
  }

  private async roomFinished(classId: number): Promise<MediaEventOutcome> {
    const cleared = await this.ports.video.clearClass(classId);
    const present = new Set((await this.ports.presence.participants(classId)).map((p) => p.userId));
    const broadcast = cleared.some((userId) => present.has(userId));
    if (broadcast) await this.publishParticipants(classId);
    return { kind: 'room-finished', classId, cleared, broadcast };
  }

  private async joined(room: ClassRoom, userId: number, participant: MediaEventParticipant): Promise<MediaEventOutcome> {
    const p = this.ports;
    const classId = room.id;
    const member = room.instructorId === userId || (await p.enrolments.isEnrolled(classId, userId));
    const because = !member ? 'not-member' : (await p.kickBans.isBanned(classId, userId)) ? 'kicked' : null;
    if (because !== null) {
      return { kind: 'evicted', classId, userId, because, removal: this.removeFromRoom(classId, participant.identity) };
    }
    const changed = await p.video.setOn(classId, userId, participant.sid);
    return { kind: 'video-flag', classId, userId, video: true, changed, broadcast: await this.broadcastIf(changed, classId, userId) };
  }

  /** Broadcasts the participant list when `changed` and the user is present over STOMP; says whether it did. */
  private async broadcastIf(changed: boolean, classId: number, userId: number): Promise<boolean> {
    if (!changed || (await this.ports.presence.sessionsOf(classId, userId)).length === 0) return false;
    await this.publishParticipants(classId);
    return true;
  }

  private async publishParticipants(classId: number): Promise<void> {
    await this.ports.broadcaster.publish({ type: 'participants-changed', classId, participants: await this.ports.participants.of(classId) });
  }

  /** Best effort RemoveParticipant; never rejects. */
  private async removeFromRoom(classId: number, identity: string): Promise<MediaOutcome> {
    const media = this.ports.media;
    if (!media) return 'skipped';
    try {
      return (await media.removeParticipant(String(classId), identity)).ok ? 'done' : 'failed';
    } catch {
      return 'failed';
    }
  }
}
