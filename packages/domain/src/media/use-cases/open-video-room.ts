import type { Caller, ClassAccess } from '../../classroom/class-access';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import type { MediaRoomGateway, MediaRoomOptions } from '../ports/media-room-gateway';
import { managedVideoRoom } from './staff-video-room';
import type { RoomNameText } from './video-room-name';

/**
 * `POST /api/livekit/room` (livekit.md §3): `staff(c)` opens the class's room with the configured
 * empty timeout and participant limit. A room that already exists is kept as it is. Answers
 * `{"roomName":"<c>"}`; an upstream failure is `LIVEKIT_002`.
 */
export class OpenVideoRoom {
  constructor(
    private readonly access: ClassAccess,
    private readonly gateway: MediaRoomGateway | null,
    private readonly options: MediaRoomOptions,
  ) {}

  async execute(roomName: RoomNameText, caller: Caller): Promise<Result<{ roomName: string }>> {
    const room = await managedVideoRoom(this.access, this.gateway, roomName, caller);
    if (!room.ok) return room;
    const created = await room.value.gateway.createRoom(room.value.name, this.options);
    return created.ok ? ok({ roomName: room.value.name }) : created;
  }
}
