import type { ClassVideoRoom } from '../classroom/live/ports/class-video-room';
import type { Result } from '../shared/result';
import { mediaIdentityOf } from './media-identity';
import type { MediaRoomGateway } from './ports/media-room-gateway';

/** The classroom's video room over the media gateway: room `"<classId>"`, participant `user-<userId>`. */
export class MediaClassVideoRoom implements ClassVideoRoom {
  constructor(private readonly gateway: MediaRoomGateway) {}

  close(classId: number): Promise<Result<void>> {
    return this.gateway.deleteRoom(String(classId));
  }

  removeUser(classId: number, userId: number): Promise<Result<void>> {
    return this.gateway.removeParticipant(String(classId), mediaIdentityOf(userId));
  }
}
