import type { Caller, ClassAccess } from '../../classroom/class-access';
import type { Result } from '../../shared/result';
import type { MediaParticipant, MediaRoomGateway } from '../ports/media-room-gateway';
import { managedVideoRoom } from './staff-video-room';
import type { RoomNameText } from './video-room-name';

/**
 * `GET /api/livekit/room/{roomName}/participants` (livekit.md §3): `staff(c)` reads who is in the
 * class's room, as `[{"identity":"user-7","publisher":true}]`. A room that does not exist has
 * nobody in it; any other upstream failure is `LIVEKIT_002`.
 */
export class ListVideoParticipants {
  constructor(
    private readonly access: ClassAccess,
    private readonly gateway: MediaRoomGateway | null,
  ) {}

  async execute(roomName: RoomNameText, caller: Caller): Promise<Result<MediaParticipant[]>> {
    const room = await managedVideoRoom(this.access, this.gateway, roomName, caller);
    if (!room.ok) return room;
    return room.value.gateway.listParticipants(room.value.name);
  }
}
