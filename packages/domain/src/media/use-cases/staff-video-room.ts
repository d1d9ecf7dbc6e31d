import type { Caller, ClassAccess } from '../../classroom/class-access';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { MediaRoomGateway } from '../ports/media-room-gateway';
import { classIdOfRoomName, roomNameOf, type RoomNameText } from './video-room-name';

/** A room the caller may manage, and the gateway to manage it with. */
export interface ManagedVideoRoom {
  /** The room name (`"<classId>"`). */
  readonly name: string;
  readonly gateway: MediaRoomGateway;
}

/**
 * The checks shared by the room management endpoints (livekit.md §3), in the table's order:
 * room name (`COMMON_004`), class (`CLASS_001`), `staff(c)` (`CLASS_002` for non-members,
 * `CLASS_012` for students), then the Room API configured (`GLOBAL_503` when `gateway` is null).
 */
export async function managedVideoRoom(
  access: ClassAccess,
  gateway: MediaRoomGateway | null,
  roomName: RoomNameText,
  caller: Caller,
): Promise<Result<ManagedVideoRoom>> {
  const classId = classIdOfRoomName(roomName);
  if (!classId.ok) return classId;
  const grant = await access.forStaff(classId.value, caller);
  if (!grant.ok) return grant;
  if (!gateway) return err(domainError('GLOBAL_503'));
  return ok({ name: roomNameOf(grant.value.room.id), gateway });
}
