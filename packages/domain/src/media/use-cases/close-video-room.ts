import type { Caller, ClassAccess } from '../../classroom/class-access';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import type { MediaRoomGateway } from '../ports/media-room-gateway';
import { managedVideoRoom } from './staff-video-room';
import type { RoomNameText } from './video-room-name';

/**
 * `POST /api/livekit/room/end` (livekit.md §3): `staff(c)` closes the class's room, disconnecting
 * everyone. A room that does not exist counts as closed. Answers `{"ended":true}`; an upstream
 * failure is `LIVEKIT_002`. The live classroom (presence, video flags) is left alone: LiveKit's
 * `room_finished` webhook clears the video flags.
 */
export class CloseVideoRoom {
  constructor(
    private readonly access: ClassAccess,
    private readonly gateway: MediaRoomGateway | null,
  ) {}

  async execute(roomName: RoomNameText, caller: Caller): Promise<Result<{ ended: true }>> {
    const room = await managedVideoRoom(this.access, this.gateway, roomName, caller);
    if (!room.ok) return room;
    const deleted = await room.value.gateway.deleteRoom(room.value.name);
    return deleted.ok ? ok({ ended: true }) : deleted;
  }
}
