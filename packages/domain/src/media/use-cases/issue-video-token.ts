import type { Caller } from '../../classroom/class-access';
import { isMember, type ClassAccess } from '../../classroom/class-access';
import type { KickBanStore } from '../../classroom/live/ports/kick-ban-store';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { grantsFor, type GrantPolicyOptions, type MediaRole } from '../grant-policy';
import { mediaIdentityOf, mediaMetadataOf } from '../media-identity';
import type { MediaTokenIssuer } from '../ports/media-token-issuer';
import { classIdOfRoomName, roomNameOf, type RoomNameText } from './video-room-name';

/** Deployment choices for client video tokens. */
export interface VideoTokenPolicy {
  /** Token lifetime in seconds, a positive integer (`LIVEKIT_TOKEN_TTL_S`, default 3600). */
  readonly ttlS: number;
  /** Student publish rights (`LIVEKIT_STUDENT_CAN_PUBLISH`, `LIVEKIT_STUDENT_PUBLISH_SOURCES`). */
  readonly grants: GrantPolicyOptions;
}

/** The caller of a token request; `name` (from the user record) becomes the participant's display name. */
export interface VideoCaller extends Caller {
  readonly name: string;
}

/** A freshly signed client token: the whole RAW answer `{"token":"<jwt>"}`. */
export interface VideoToken {
  readonly token: string;
}

/**
 * `POST /api/livekit/token` (livekit.md §1). After authentication (the transport's job), the
 * checks run in the contract's order:
 *
 * 1. a key pair is configured, else `GLOBAL_503` (`issuer` is null; see {@link available}, which
 *    lets the transport answer 503 before it even reads the body);
 * 2. the room name is valid, else `COMMON_004`;
 * 3. the class exists (`CLASS_001`) and is active (`CLASS_008`);
 * 4. the caller is `member(c)` (`CLASS_002`; admins are not members and get no token);
 * 5. the caller is not kicked from `c` (`CLASS_010`).
 *
 * The token names room `"<c>"`, identity `user-<id>`, the caller's name, metadata whose role is
 * `INSTRUCTOR` exactly for `inst(c)` (never from anything the client sends) and the grants of
 * that role. Every call signs a fresh token; nothing is stored.
 */
export class IssueVideoToken {
  constructor(
    private readonly issuer: MediaTokenIssuer | null,
    private readonly access: ClassAccess,
    private readonly kickBans: KickBanStore,
    private readonly policy: VideoTokenPolicy,
  ) {}

  /** Whether tokens can be issued at all (a key pair is configured). */
  get available(): boolean {
    return this.issuer !== null;
  }

  async execute(roomName: RoomNameText, caller: VideoCaller): Promise<Result<VideoToken>> {
    if (!this.issuer) return err(domainError('GLOBAL_503'));
    const classId = classIdOfRoomName(roomName);
    if (!classId.ok) return classId;
    const found = await this.access.find(classId.value);
    if (!found.ok) return found;
    const room = found.value;
    if (!room.active) return err(domainError('CLASS_008'));
    const membership = await this.access.membershipOf(room, caller);
    if (!isMember(membership)) return err(domainError('CLASS_002'));
    if (await this.kickBans.isBanned(room.id, caller.userId)) return err(domainError('CLASS_010'));
    const role: MediaRole = membership.instructor ? 'INSTRUCTOR' : 'STUDENT';
    const token = await this.issuer.issue({
      room: roomNameOf(room.id),
      identity: mediaIdentityOf(caller.userId),
      name: caller.name,
      metadata: mediaMetadataOf(role, caller.userId),
      grants: grantsFor(role, this.policy.grants),
      ttlS: this.policy.ttlS,
    });
    return ok({ token });
  }
}
